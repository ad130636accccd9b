extension OpenAPIDocument {
    /// Schemas of the access package's rights, decisions, transfers, consents and history, and of the portability package (art. 20).
    static let packageSchemas = #"""
    {
      "AccessRights": {
        "type": "object",
        "required": [
          "rights",
          "contact",
          "authority",
          "authority_url"
        ],
        "properties": {
          "rights": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The person's rights, in words (15(1)(e))."
          },
          "contact": {
            "type": "string",
            "description": "Where to send requests."
          },
          "authority": {
            "type": "string",
            "description": "The supervisory authority to complain to (15(1)(f))."
          },
          "authority_url": {
            "type": "string",
            "format": "uri"
          }
        }
      },
      "AccessAutomatedDecision": {
        "type": "object",
        "required": [
          "purpose",
          "description",
          "logic",
          "consequences"
        ],
        "properties": {
          "purpose": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "logic": {
            "type": "string",
            "description": "The logic involved."
          },
          "consequences": {
            "type": "string",
            "description": "Its significance and envisaged consequences for the person."
          }
        }
      },
      "AccessTransfer": {
        "type": "object",
        "required": [
          "recipient",
          "country",
          "safeguard"
        ],
        "properties": {
          "recipient": {
            "type": "string"
          },
          "country": {
            "type": "string",
            "description": "ISO 3166 alpha-2, outside the EEA."
          },
          "safeguard": {
            "type": "string",
            "description": "The safeguard, in words (arts. 45-49)."
          }
        }
      },
      "AccessConsent": {
        "type": "object",
        "required": [
          "purpose",
          "status",
          "objected"
        ],
        "properties": {
          "purpose": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "not_asked",
              "given",
              "refused",
              "withdrawn",
              "expired",
              "stale",
              "not_applicable"
            ],
            "description": "`not_applicable` for a purpose that does not rest on consent but allows objection; `stale`: given for an earlier description of the purpose."
          },
          "objected": {
            "type": "boolean",
            "description": "Whether an objection is in force."
          }
        }
      },
      "AccessEvent": {
        "type": "object",
        "required": [
          "time",
          "actor",
          "action",
          "categories",
          "outcome",
          "break_glass"
        ],
        "properties": {
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "actor": {
            "type": "string",
            "description": "The name of the API key that acted; `operator` for the command line."
          },
          "action": {
            "type": "string",
            "enum": [
              "lookup",
              "write",
              "read",
              "export",
              "erasure",
              "disclosure",
              "restriction"
            ]
          },
          "purpose": {
            "type": "string"
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "outcome": {
            "type": "string",
            "enum": [
              "allowed",
              "partial",
              "denied",
              "not_found"
            ]
          },
          "reason": {
            "type": "string",
            "description": "The written reason of a break-glass read, or the recipient of a disclosure."
          },
          "break_glass": {
            "type": "boolean"
          }
        }
      },
      "DataOrigin": {
        "type": "string",
        "enum": [
          "provided",
          "observed",
          "derived",
          "third_party"
        ],
        "description": "Where data comes from: given by the person (`provided`), collected from their use of a service (`observed`), inferred by the controller (`derived`), or received from someone else (`third_party`)."
      },
      "PortabilityPackage": {
        "type": "object",
        "description": "The answer to a portability request (art. 20): the data the person provided or that was observed of them, of the categories used by a consent or contract purpose that applies to the person, in a structured, machine-readable form. Derived and inferred data is not included.",
        "required": [
          "schema",
          "request",
          "subject",
          "generated_at",
          "controller",
          "categories"
        ],
        "properties": {
          "schema": {
            "type": "string",
            "const": "kluis.portability.v1"
          },
          "request": {
            "$ref": "#/components/schemas/RequestID"
          },
          "subject": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "generated_at": {
            "type": "string",
            "format": "date-time"
          },
          "controller": {
            "type": "string",
            "description": "The controller's name."
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "category",
                "taxonomy",
                "origin",
                "records"
              ],
              "properties": {
                "category": {
                  "type": "string"
                },
                "taxonomy": {
                  "type": "string",
                  "description": "A fideslang data category."
                },
                "origin": {
                  "$ref": "#/components/schemas/DataOrigin"
                },
                "records": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/ExportedRecord"
                  }
                }
              }
            },
            "description": "Per category, in policy order."
          }
        }
      }
    }
    """#
}
