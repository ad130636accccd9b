extension OpenAPIDocument {
    /// Schemas of retention: sweeps, the retention report and the anonymous records sweeps leave.
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
      "RetentionReport": {
        "type": "object",
        "description": "What the vault keeps and why, without a single value: per category and purpose, the records with a date and the next one due; the records without one and the reason; per purpose, how many people it applies to and on what grounds. Counts only, never values, identifiers or subject ids. Sorted by category, purpose and reason.",
        "required": [
          "time",
          "dated",
          "undated",
          "applications"
        ],
        "properties": {
          "time": {
            "type": "string",
            "format": "date-time",
            "description": "The moment the report counted from: `at`, or now."
          },
          "dated": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RetentionDated"
            }
          },
          "undated": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RetentionUndated"
            }
          },
          "applications": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PurposeApplications"
            }
          }
        },
        "examples": [
          {
            "time": "2026-02-01T07:00:00Z",
            "dated": [
              {
                "category": "email",
                "purpose": "questions",
                "records": 3,
                "due": 1,
                "next": "2026-03-01T10:00:00Z"
              }
            ],
            "undated": [
              {
                "category": "coaching_file",
                "purpose": "coaching",
                "reason": "awaiting_event",
                "detail": "last_contact",
                "records": 1
              }
            ],
            "applications": [
              {
                "purpose": "questions",
                "reason": "collected",
                "subjects": 4
              }
            ]
          }
        ]
      },
      "RetentionDated": {
        "type": "object",
        "description": "Records of one category with an erase-by date, whose date one purpose decides.",
        "required": [
          "category",
          "records",
          "due",
          "next"
        ],
        "properties": {
          "category": {
            "type": "string"
          },
          "purpose": {
            "type": "string",
            "description": "The purpose whose retention decides the date; absent when no purpose holds the records, so they are due at once."
          },
          "records": {
            "type": "integer",
            "minimum": 1
          },
          "due": {
            "type": "integer",
            "minimum": 0,
            "description": "How many of them are due at `time`: a sweep then would remove them."
          },
          "next": {
            "type": "string",
            "format": "date-time",
            "description": "The earliest erase-by date among them."
          }
        }
      },
      "RetentionUndated": {
        "type": "object",
        "description": "Records of one category without an erase-by date: kept until something happens, and what.",
        "required": [
          "category",
          "reason",
          "records"
        ],
        "properties": {
          "category": {
            "type": "string"
          },
          "purpose": {
            "type": "string",
            "description": "The purpose that keeps them; absent for a restriction."
          },
          "reason": {
            "type": "string",
            "enum": [
              "hold",
              "restriction",
              "awaiting_event"
            ],
            "description": "`hold`: a legal hold is in force. `restriction`: the person asked for a restriction (art. 18). `awaiting_event`: the retention's anchor has not happened and its terms set no `at_most` fallback."
          },
          "detail": {
            "type": "string",
            "description": "For `hold`, the hold's id; for `awaiting_event`, the anchor awaited, such as `contract_end`, `event:report_closed` or `field:invoice_date`; absent for `restriction`."
          },
          "records": {
            "type": "integer",
            "minimum": 1
          }
        }
      },
      "PurposeApplications": {
        "type": "object",
        "description": "How many people a purpose applies to for one reason; a person may count under several reasons.",
        "required": [
          "purpose",
          "reason",
          "subjects"
        ],
        "properties": {
          "purpose": {
            "type": "string"
          },
          "reason": {
            "type": "string",
            "pattern": "^(collected|consent|inherited|event:.+)$",
            "description": "`collected` (data was collected for it), `consent` (consent was given), `event:NAME` (one of its `applies_from` events happened), `inherited` (data written before Kluis recorded purposes, which the purpose uses)."
          },
          "subjects": {
            "type": "integer",
            "minimum": 1
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
