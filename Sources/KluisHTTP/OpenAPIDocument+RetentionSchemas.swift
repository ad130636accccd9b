extension OpenAPIDocument {
    /// Schemas of retention: sweeps and the anonymous records they leave.
    static let retentionSchemas = #"""
    {
      "SweepBody": {
        "type": "object",
        "properties": {
          "dry_run": {
            "type": "boolean",
            "default": false,
            "description": "Only count what would go; nothing goes."
          }
        }
      },
      "SweepReport": {
        "type": "object",
        "description": "What one sweep did. Counts only, never values.",
        "required": [
          "time",
          "dry_run",
          "removed",
          "rescheduled",
          "audit_events_reduced",
          "requests_deleted"
        ],
        "properties": {
          "time": {
            "type": "string",
            "format": "date-time",
            "description": "The moment the sweep counted from."
          },
          "dry_run": {
            "type": "boolean",
            "description": "A dry run: `removed` counts what would go; nothing went, and `audit_events_reduced` and `requests_deleted` are 0."
          },
          "removed": {
            "$ref": "#/components/schemas/SweepTally"
          },
          "rescheduled": {
            "type": "integer",
            "minimum": 0,
            "description": "Records whose erase-by date was computed again because the policy's retention terms changed."
          },
          "audit_events_reduced": {
            "type": "integer",
            "minimum": 0,
            "description": "Audit events past the audit log's retention that were reduced: their content blanked, their number, time, action, outcome and hashes kept."
          },
          "requests_deleted": {
            "type": "integer",
            "minimum": 0,
            "description": "Closed data-subject requests past their retention that were deleted."
          }
        }
      },
      "SweepTally": {
        "type": "object",
        "description": "Records removed, per purpose, category and action.",
        "required": [
          "counts",
          "subjects_removed"
        ],
        "properties": {
          "counts": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "category",
                "action",
                "records"
              ],
              "properties": {
                "purpose": {
                  "type": "string",
                  "description": "The purpose that kept the records longest; absent for records no purpose held."
                },
                "category": {
                  "type": "string"
                },
                "action": {
                  "type": "string",
                  "enum": [
                    "delete",
                    "anonymise"
                  ],
                  "description": "What the policy's retention does with the records when it ends."
                },
                "records": {
                  "type": "integer",
                  "minimum": 0
                }
              }
            }
          },
          "subjects_removed": {
            "type": "integer",
            "minimum": 0,
            "description": "People with no record left, removed with their identifiers, keys and events."
          }
        }
      },
      "AnonymousRecordList": {
        "type": "object",
        "required": [
          "records"
        ],
        "properties": {
          "records": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AnonymousRecord"
            }
          }
        }
      },
      "AnonymousRecord": {
        "type": "object",
        "description": "What stays of a record after anonymisation, with no link to any person. It is no longer personal data: it is kept unsealed and outside every retention clock.",
        "required": [
          "category",
          "anonymised_on",
          "fields"
        ],
        "properties": {
          "category": {
            "type": "string"
          },
          "purpose": {
            "type": "string",
            "description": "The purpose whose retention anonymised it; absent when no purpose held the record."
          },
          "anonymised_on": {
            "type": "string",
            "format": "date",
            "description": "The day it was anonymised."
          },
          "fields": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            },
            "description": "The generalised values the policy names for the category, by field."
          }
        }
      }
    }
    """#
}
