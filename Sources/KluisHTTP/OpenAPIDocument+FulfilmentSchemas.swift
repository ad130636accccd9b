extension OpenAPIDocument {
    /// Schemas of deciding and fulfilling requests: identity checks, reasons, erasure, restrictions and the disclosure log.
    static let fulfilmentSchemas = #"""
    {
      "VerifyBody": {
        "type": "object",
        "required": [
          "method"
        ],
        "properties": {
          "method": {
            "$ref": "#/components/schemas/IdentityCheck"
          },
          "code": {
            "type": "string",
            "description": "For `registered_email`: the six-digit code the requester received.",
            "examples": [
              "048213"
            ]
          }
        }
      },
      "ReasonBody": {
        "type": "object",
        "required": [
          "reason"
        ],
        "properties": {
          "reason": {
            "type": "string",
            "minLength": 1,
            "maxLength": 2000,
            "description": "Why, in words the requester can be told; kept with the request. Trimmed; must not contain a citizen service number (BSN), which Kluis never stores."
          }
        }
      },
      "FulfilBody": {
        "type": "object",
        "properties": {
          "corrections": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RecordDocument"
            },
            "description": "For a rectification, and required for it: the corrected records. Each replaces the fields of the record `record_id` names, which may be left out for a category with one record per person. The earlier values are not kept; the history and audit log record which categories changed."
          },
          "notify_recipients": {
            "type": "boolean",
            "description": "Tell the recipients of a rectification, erasure or restriction through the server's outbox (art. 19), each at the address the policy gives it (`notify`). Refused with `request.invalid`, changing nothing, when the server has no outbox."
          }
        }
      },
      "FulfilmentAnswer": {
        "type": "object",
        "description": "What fulfilling a request did.",
        "required": [
          "request",
          "recipients_to_notify",
          "consent_events"
        ],
        "properties": {
          "request": {
            "$ref": "#/components/schemas/RequestAnswer",
            "description": "The request, now fulfilled."
          },
          "erasure": {
            "$ref": "#/components/schemas/ErasureRecord",
            "description": "For an erasure: what went and what stayed."
          },
          "certificate": {
            "type": "string",
            "description": "For an erasure: `erasure` signed as a compact JWS with ES256 (the consent-receipt key, at `/v1/consent-receipts/keys`), to give to the person as proof."
          },
          "recipients_to_notify": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RecipientNotice"
            },
            "description": "For a rectification, erasure or restriction: the recipients to tell (art. 19). Empty otherwise."
          },
          "consent_events": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConsentEvent"
            },
            "description": "For an objection or withdrawal: the consent events recorded. Empty otherwise."
          }
        }
      },
      "ErasureRecord": {
        "type": "object",
        "description": "What an erasure destroyed and what it kept, never a value. The erasure journal keeps it, so that a restore from an older backup erases the person again.",
        "required": [
          "subject",
          "erased_at",
          "erased",
          "kept",
          "masked_records",
          "pseudonym"
        ],
        "properties": {
          "subject": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "request": {
            "$ref": "#/components/schemas/RequestID",
            "description": "The request the erasure fulfilled."
          },
          "erased_at": {
            "type": "string",
            "format": "date-time"
          },
          "erased": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The categories whose data keys were destroyed and records deleted. `_identity` (identifiers) and `_consent` (the consent history) are Kluis's own."
          },
          "kept": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "category",
                "purpose"
              ],
              "properties": {
                "category": {
                  "type": "string"
                },
                "purpose": {
                  "type": "string",
                  "description": "The purpose ids that keep it, comma-separated."
                },
                "until": {
                  "type": "string",
                  "format": "date-time",
                  "description": "When its last record is due to go; absent while a retention clock has not started or a legal hold is in force."
                }
              }
            },
            "description": "Categories kept because a legal obligation or a legal hold in force requires it (art. 17(3)), restricted to that purpose until they go."
          },
          "masked_records": {
            "type": "integer",
            "minimum": 0,
            "description": "Records of other people that named this person and now show the pseudonym."
          },
          "pseudonym": {
            "type": "string",
            "pattern": "^anon_[a-z2-7]{26}$",
            "description": "What replaces this person in other people's records."
          },
          "scope": {
            "type": "object",
            "description": "For an erasure of part of the person's data (a deletion, or an erasure request naming categories): what was asked. Absent when the whole person was erased; the person then stays with the rest of their data.",
            "required": [
              "categories",
              "records"
            ],
            "properties": {
              "categories": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Categories asked to go whole."
              },
              "records": {
                "type": "array",
                "items": {
                  "type": "string"
                },
                "description": "Record ids erased one by one, or every record of a deleted category."
              }
            }
          }
        }
      },
      "RecipientNotice": {
        "type": "object",
        "description": "A recipient to tell of a rectification, erasure or restriction (art. 19).",
        "required": [
          "recipient",
          "name",
          "categories",
          "disclosed"
        ],
        "properties": {
          "recipient": {
            "type": "string",
            "description": "A recipient id of the policy."
          },
          "name": {
            "type": "string",
            "description": "Its name, in the policy's first language."
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The changed categories it received or routinely receives."
          },
          "disclosed": {
            "type": "boolean",
            "description": "Whether the disclosure log shows data of these categories went to it; otherwise the policy names it for a purpose that uses them."
          },
          "notified": {
            "type": "boolean",
            "description": "Whether Kluis told it through the outbox (`notify_recipients`), at the address the policy gives; otherwise telling it is the organisation's work."
          }
        }
      },
      "Restriction": {
        "type": "object",
        "description": "A restriction of processing (art. 18): the data stays stored, and only the purposes named may still use it. Every read honours it.",
        "required": [
          "categories",
          "ground",
          "since",
          "allowed_purposes"
        ],
        "properties": {
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The categories restricted; empty: all."
          },
          "ground": {
            "type": "string",
            "enum": [
              "accuracy_contested",
              "unlawful_processing",
              "legal_claims",
              "objection_pending",
              "legal_obligation"
            ],
            "description": "Why: art. 18(1) (a) to (d), or `legal_obligation` for data kept after an erasure (art. 17(3)(b))."
          },
          "since": {
            "type": "string",
            "format": "date-time"
          },
          "allowed_purposes": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The purposes that may still use the data, such as the legal obligation that keeps invoices after an erasure."
          },
          "until": {
            "type": "string",
            "format": "date-time",
            "description": "For data kept under a legal obligation: when it is due to go."
          },
          "request": {
            "$ref": "#/components/schemas/RequestID",
            "description": "The request that asked for it."
          }
        }
      },
      "DisclosureBody": {
        "type": "object",
        "description": "Data handed to a recipient outside Kluis. Names only ids from the policy, never values.",
        "required": [
          "recipient",
          "purpose",
          "categories"
        ],
        "properties": {
          "recipient": {
            "type": "string",
            "description": "A recipient id of the policy, named for `purpose`."
          },
          "purpose": {
            "type": "string",
            "description": "The purpose the data was disclosed for. The key must be bound to it."
          },
          "categories": {
            "type": "array",
            "minItems": 1,
            "items": {
              "type": "string"
            },
            "description": "The categories disclosed; each one `purpose` uses."
          }
        }
      },
      "LiftBody": {
        "type": "object",
        "required": [
          "subject_told_at"
        ],
        "properties": {
          "subject_told_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the person was told that the restriction will be lifted (art. 18(3)); not in the future."
          }
        }
      },
      "RestrictionsAnswer": {
        "type": "object",
        "required": [
          "subject_id",
          "restrictions"
        ],
        "properties": {
          "subject_id": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "restrictions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Restriction"
            },
            "description": "The restrictions that remain: those that keep data under a legal obligation after an erasure."
          }
        }
      }
    }
    """#
}
