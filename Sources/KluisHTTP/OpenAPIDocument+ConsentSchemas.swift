extension OpenAPIDocument {
    /// Schemas of consents and objections.
    static let consentSchemas = #"""
    {
      "ConsentBody": {
        "type": "object",
        "description": "A consent call: decisions about purposes, and how they were collected.",
        "required": [
          "decisions"
        ],
        "properties": {
          "decisions": {
            "type": "object",
            "description": "The decision per purpose id, one per purpose. `given`, `refused`, `withdrawn` and `expired` are for purposes that rest on consent; `objected` and `objection_withdrawn` for direct marketing and purposes that rest on a legitimate interest or public task. Send `given` to renew: Kluis records it as `renewed` when there was an earlier consent.",
            "minProperties": 1,
            "additionalProperties": {
              "type": "string",
              "enum": [
                "given",
                "refused",
                "withdrawn",
                "expired",
                "objected",
                "objection_withdrawn"
              ]
            }
          },
          "method": {
            "type": "string",
            "enum": [
              "web_form",
              "email",
              "phone",
              "paper"
            ],
            "default": "web_form",
            "description": "How the decisions were collected."
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ],
            "description": "The language the person was asked in, one the policy is written in; the policy's first when absent."
          },
          "statement_hash": {
            "type": "string",
            "pattern": "^[0-9a-fA-F]{64}$",
            "description": "SHA-256 (hex) of the text the person saw, when the application showed its own text rather than the policy's. Kluis records the hash of its own consent text for the purpose in `language` when absent."
          },
          "birth_date": {
            "type": "string",
            "format": "date",
            "description": "The person's date of birth, YYYY-MM-DD, for the policy's age rule: required when the policy has one and a decision is `given`. Used to work out the age and never stored."
          },
          "guardian": {
            "$ref": "#/components/schemas/Guardian"
          }
        }
      },
      "Guardian": {
        "type": "object",
        "description": "The parent or guardian who consents for a person below the policy's minimum age. Used only when the person is below it.",
        "required": [
          "name",
          "relationship",
          "verification"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "description": "The parent's or guardian's name. Sealed under the subject's consent key; the history never shows it, the receipt names them."
          },
          "relationship": {
            "type": "string",
            "enum": [
              "parent",
              "guardian"
            ]
          },
          "verification": {
            "type": "string",
            "enum": [
              "id_document",
              "signed_form",
              "bank_payment",
              "email_confirmation",
              "in_person"
            ],
            "description": "How the controller checked that this person holds parental responsibility: an identity document, a signed form, a payment from their own bank account, a confirmation link sent to their e-mail address, or in person."
          }
        }
      },
      "ConsentRecorded": {
        "type": "object",
        "required": [
          "subject",
          "events",
          "purposes"
        ],
        "properties": {
          "subject": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "events": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConsentEvent"
            },
            "description": "The events recorded, in order: a `given` may be preceded by an `objection_withdrawn` and is recorded as `renewed` after an earlier consent; with `Sec-GPC: 1`, `objected` events with method `browser_signal` follow."
          },
          "receipt": {
            "type": "string",
            "description": "The consent receipt (the ConsentReceipt schema) signed as a compact JWS with ES256: `header.payload.signature`, each part base64url. Present when consent was given, renewed or withdrawn."
          },
          "receipt_id": {
            "type": "string",
            "pattern": "^rcpt_[a-z2-7]{26}$",
            "description": "The receipt's id, as its events record it. Present with `receipt`."
          },
          "purposes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PurposeConsent"
            },
            "description": "The state per purpose after the call."
          }
        }
      },
      "ConsentOverview": {
        "type": "object",
        "required": [
          "subject",
          "purposes",
          "history"
        ],
        "properties": {
          "subject": {
            "$ref": "#/components/schemas/SubjectID"
          },
          "purposes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/PurposeConsent"
            },
            "description": "Every purpose that rests on consent or allows objection, in policy order."
          },
          "history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ConsentEvent"
            },
            "description": "Every event, oldest first."
          }
        }
      },
      "PurposeConsent": {
        "type": "object",
        "description": "Where a person stands on one purpose.",
        "required": [
          "purpose",
          "legal_basis",
          "objected",
          "may_object",
          "permitted"
        ],
        "properties": {
          "purpose": {
            "type": "string",
            "description": "A purpose id of the policy."
          },
          "legal_basis": {
            "type": "string",
            "enum": [
              "consent",
              "contract",
              "legal_obligation",
              "vital_interest",
              "public_task",
              "legitimate_interest"
            ]
          },
          "status": {
            "type": "string",
            "enum": [
              "not_asked",
              "given",
              "refused",
              "withdrawn",
              "expired",
              "stale"
            ],
            "description": "For purposes that rest on consent; absent for others. `stale`: given for an earlier description of the purpose, so the person must be asked again."
          },
          "objected": {
            "type": "boolean",
            "description": "Whether an objection is in force."
          },
          "may_object": {
            "type": "boolean",
            "description": "Whether art. 21 lets the person object to the purpose."
          },
          "given_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the consent in force (or the stale one) was given."
          },
          "withdrawn_at": {
            "type": "string",
            "format": "date-time",
            "description": "When consent was withdrawn, while it is."
          },
          "permitted": {
            "type": "boolean",
            "description": "Whether the purpose may use the person's data now, as far as consent and objection go."
          }
        }
      },
      "ConsentEvent": {
        "type": "object",
        "description": "One decision in a person's consent history. Events are only appended.",
        "required": [
          "purpose",
          "kind",
          "time",
          "policy_version",
          "purpose_hash",
          "statement_hash",
          "method",
          "minor",
          "actor"
        ],
        "properties": {
          "purpose": {
            "type": "string"
          },
          "kind": {
            "type": "string",
            "enum": [
              "given",
              "refused",
              "withdrawn",
              "expired",
              "renewed",
              "objected",
              "objection_withdrawn"
            ]
          },
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "policy_version": {
            "type": "string",
            "description": "The policy version in force when the decision was recorded."
          },
          "purpose_hash": {
            "type": "string",
            "description": "SHA-256 (hex) of the purpose as the policy described it then: its texts, data categories with their fields, recipients and direct-marketing flag. A consent whose hash differs from the purpose's current one is stale."
          },
          "statement_hash": {
            "type": "string",
            "pattern": "^[0-9a-f]{64}$",
            "description": "SHA-256 (hex) of the text shown to the person."
          },
          "method": {
            "type": "string",
            "enum": [
              "web_form",
              "email",
              "phone",
              "paper",
              "browser_signal"
            ],
            "description": "How the decision was collected; `browser_signal` for an objection from `Sec-GPC: 1`."
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ]
          },
          "receipt_id": {
            "type": "string",
            "pattern": "^rcpt_[a-z2-7]{26}$",
            "description": "The receipt issued for the decision, if one was."
          },
          "minor": {
            "type": "boolean",
            "description": "Whether the person was below the policy's minimum age, so a parent or guardian decided."
          },
          "guardian_relationship": {
            "type": "string",
            "enum": [
              "parent",
              "guardian"
            ],
            "description": "For a consent by a parent or guardian; their name stays sealed."
          },
          "guardian_verification": {
            "type": "string",
            "enum": [
              "id_document",
              "signed_form",
              "bank_payment",
              "email_confirmation",
              "in_person"
            ]
          },
          "actor": {
            "type": "string",
            "description": "The API key id (`key_…`) or operator that recorded the decision."
          }
        }
      },
      "StaleConsents": {
        "type": "object",
        "required": [
          "purposes"
        ],
        "properties": {
          "purposes": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "purpose",
                "subjects"
              ],
              "properties": {
                "purpose": {
                  "type": "string"
                },
                "subjects": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/SubjectID"
                  },
                  "description": "In id order."
                }
              }
            }
          }
        }
      }
    }
    """#
}
