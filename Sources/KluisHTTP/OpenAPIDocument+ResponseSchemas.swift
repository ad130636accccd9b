extension OpenAPIDocument {
    /// Schemas, second half: answers and problems.
    static let schemasSecond = #"""
    {
      "Created": {
        "type": "object",
        "required": [
          "id"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/SubjectID"
          }
        }
      },
      "CreatedMany": {
        "type": "object",
        "required": [
          "ids"
        ],
        "properties": {
          "ids": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/SubjectID"
            },
            "description": "In the order of the request."
          }
        }
      },
      "Written": {
        "type": "object",
        "required": [
          "record_id"
        ],
        "properties": {
          "record_id": {
            "$ref": "#/components/schemas/RecordID"
          }
        }
      },
      "ReadAnswer": {
        "type": "object",
        "required": [
          "id",
          "purpose",
          "break_glass",
          "categories",
          "withheld"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "purpose": {
            "type": "string",
            "description": "The purpose the read was for."
          },
          "break_glass": {
            "type": "boolean",
            "description": "True when the key is not bound to the purpose and read with a break-glass reason."
          },
          "categories": {
            "type": "object",
            "description": "The released records, by category id.",
            "additionalProperties": {
              "type": "array",
              "items": {
                "$ref": "#/components/schemas/RecordAnswer"
              }
            }
          },
          "withheld": {
            "type": "array",
            "description": "Every category the subject has records in that is not released, with the reason; sorted by category.",
            "items": {
              "$ref": "#/components/schemas/Withheld"
            }
          }
        }
      },
      "RecordAnswer": {
        "type": "object",
        "required": [
          "id",
          "fields",
          "created_at",
          "updated_at"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/RecordID"
          },
          "fields": {
            "type": "object",
            "additionalProperties": {
              "type": "string"
            }
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "updated_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "Withheld": {
        "type": "object",
        "required": [
          "category",
          "reason"
        ],
        "properties": {
          "category": {
            "type": "string"
          },
          "reason": {
            "type": "string",
            "enum": [
              "outside_purpose",
              "retention_expired"
            ],
            "description": "`outside_purpose`: the purpose does not use the category. `retention_expired`: every record of the category is past its retention for this purpose."
          }
        }
      },
      "AuditPage": {
        "type": "object",
        "required": [
          "events"
        ],
        "properties": {
          "events": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AuditEventAnswer"
            }
          }
        }
      },
      "AuditEventAnswer": {
        "type": "object",
        "required": [
          "sequence",
          "time",
          "actor",
          "action",
          "categories",
          "outcome",
          "break_glass",
          "hash",
          "reduced"
        ],
        "properties": {
          "sequence": {
            "type": "integer",
            "format": "int64",
            "minimum": 1
          },
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "actor": {
            "type": "string",
            "description": "The API key id (`key_…`) or `cli`."
          },
          "action": {
            "type": "string",
            "enum": [
              "create_subject",
              "lookup",
              "write",
              "read",
              "event",
              "export",
              "erasure",
              "key_rotation",
              "api_key_created",
              "consent",
              "consent_read",
              "cookie_choice",
              "request",
              "disclosure",
              "restriction",
              "retention",
              "hold",
              "initialise"
            ]
          },
          "subject": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The categories involved; for a lookup the identifier kind, for a key creation its purposes."
          },
          "purpose": {
            "type": "string"
          },
          "reason": {
            "type": "string",
            "description": "The break-glass reason, the event name, or the key id."
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
          "break_glass": {
            "type": "boolean"
          },
          "hash": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "SHA-256 of the event chained to the previous one, hex."
          },
          "reduced": {
            "type": "boolean",
            "description": "Whether the event was reduced when the policy's audit-log retention ended: its content is blanked (`actor` and `categories` empty, `subject`, `purpose` and `reason` absent, `break_glass` false); its number, time, action, outcome and hashes stay, and a checkpoint vouches for its hash."
          }
        }
      },
      "Verification": {
        "type": "object",
        "required": [
          "intact",
          "checked"
        ],
        "properties": {
          "intact": {
            "type": "boolean"
          },
          "checked": {
            "type": "integer",
            "format": "int64",
            "description": "How many events were checked."
          },
          "first_broken": {
            "type": "integer",
            "format": "int64",
            "description": "The sequence of the first broken event, when the chain is broken."
          },
          "problem": {
            "type": "string",
            "description": "What is wrong with it."
          }
        }
      },
      "Health": {
        "type": "object",
        "required": [
          "status"
        ],
        "properties": {
          "status": {
            "type": "string",
            "const": "ok"
          }
        }
      },
      "Problem": {
        "type": "object",
        "description": "RFC 9457 problem details, served as `application/problem+json`. Branch on `code`, which is stable; the detail is for people and never contains personal data.",
        "required": [
          "type",
          "title",
          "status",
          "code",
          "detail"
        ],
        "properties": {
          "type": {
            "type": "string",
            "format": "uri",
            "description": "`https://kluis.example/problems/` followed by the code.",
            "examples": [
              "https://kluis.example/problems/subject.not_found"
            ]
          },
          "title": {
            "type": "string",
            "description": "The HTTP reason phrase.",
            "examples": [
              "Not Found"
            ]
          },
          "status": {
            "type": "integer",
            "minimum": 400,
            "maximum": 599
          },
          "code": {
            "type": "string",
            "enum": [
              "auth.unauthorised",
              "auth.forbidden",
              "consent.required",
              "consent.stale",
              "objection.in_force",
              "consent.not_applicable",
              "consent.age_required",
              "consent.minor_refused",
              "consent.guardian_required",
              "cookie.choice_invalid",
              "request.identity_unverified",
              "request.identity_check_not_accepted",
              "request.code_wrong",
              "request.extension_too_late",
              "input.bsn_refused",
              "store.initialised",
              "subject.not_found",
              "record.not_found",
              "erasure.kept",
              "erasure.request_only",
              "request.not_found",
              "hold.unknown",
              "identifier.in_use",
              "request.state_invalid",
              "restriction.subject_not_told",
              "identifier.invalid",
              "category.unknown",
              "category.restricted",
              "disclosure.not_listed",
              "field.unknown",
              "reference.invalid",
              "reference.unknown",
              "purpose.unknown",
              "purpose.not_allowed",
              "purpose.required",
              "purpose.category_unused",
              "purpose.not_applicable",
              "break_glass.reason_required",
              "break_glass.not_allowed",
              "event.invalid",
              "input.invalid",
              "ciphertext.invalid",
              "root_key.missing",
              "root_key.malformed",
              "root_key.wrong",
              "store.not_initialised",
              "store.failure",
              "request.invalid",
              "request.too_large",
              "route.not_found",
              "internal"
            ]
          },
          "detail": {
            "type": "string"
          }
        }
      }
    }
    """#
}
