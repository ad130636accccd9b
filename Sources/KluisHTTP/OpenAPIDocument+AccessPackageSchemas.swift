extension OpenAPIDocument {
    /// Schemas of the access package (art. 15): the data, purposes, recipients, retention and sources.
    static let accessPackageSchemas = #"""
    {
      "AccessPackage": {
        "type": "object",
        "description": "The answer to an access request (art. 15): whether data of the person is processed, a copy of it from every category the vault holds, and every fact the article requires. Names and texts are in the language asked for.",
        "required": [
          "request",
          "subject",
          "generated_at",
          "controller",
          "policy_version",
          "processed",
          "data",
          "purposes",
          "disclosures",
          "recipients",
          "retention",
          "sources",
          "rights",
          "automated_decisions",
          "transfers",
          "consents",
          "restrictions",
          "access_history"
        ],
        "properties": {
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
          "policy_version": {
            "type": "string",
            "description": "The policy version the facts come from."
          },
          "processed": {
            "type": "boolean",
            "description": "Whether any data of the person is processed (15(1))."
          },
          "data": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessCategoryData"
            },
            "description": "A copy of the data, per category held, in policy order (15(3))."
          },
          "purposes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessPurpose"
            },
            "description": "The purposes that apply to the person, with their legal basis, since when and why they apply (15(1)(a))."
          },
          "disclosures": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessDisclosure"
            },
            "description": "The recipients the data was actually disclosed to, from the disclosure log (15(1)(c))."
          },
          "recipients": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessRecipient"
            },
            "description": "The recipients the policy names for those purposes (15(1)(c))."
          },
          "retention": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessRetention"
            },
            "description": "Per category held: how long it is kept, and this person's erase-by date (15(1)(d))."
          },
          "sources": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessSource"
            },
            "description": "Where data not collected from the person came from (15(1)(g))."
          },
          "rights": {
            "$ref": "#/components/schemas/AccessRights"
          },
          "automated_decisions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessAutomatedDecision"
            },
            "description": "Decisions without human involvement (15(1)(h)); empty when there are none."
          },
          "transfers": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessTransfer"
            },
            "description": "Transfers outside the EEA and their safeguards (15(2))."
          },
          "consents": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessConsent"
            },
            "description": "Every purpose that rests on consent or allows objection, and where the person stands on it."
          },
          "restrictions": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Restriction"
            },
            "description": "Restrictions of processing in force (art. 18)."
          },
          "access_history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/AccessEvent"
            },
            "description": "Who looked the person up, read, wrote, exported, disclosed, erased or restricted their data, when and why, from the audit log."
          }
        }
      },
      "AccessCategoryData": {
        "type": "object",
        "required": [
          "category",
          "name",
          "taxonomy",
          "origin",
          "records",
          "redacted_fields"
        ],
        "properties": {
          "category": {
            "type": "string",
            "description": "A category id of the policy."
          },
          "name": {
            "type": "string",
            "description": "Its name in the package's language."
          },
          "taxonomy": {
            "type": "string",
            "description": "A fideslang data category, such as `user.contact.email`."
          },
          "origin": {
            "$ref": "#/components/schemas/DataOrigin"
          },
          "records": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/ExportedRecord"
            }
          },
          "redacted_fields": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Fields left out because they are about someone else (15(4))."
          }
        }
      },
      "ExportedRecord": {
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
            "description": "Field name to value, opened.",
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
          },
          "redacted": {
            "type": "array",
            "description": "What was left out of the record because it is another person's (art. 15(4)); absent when nothing was.",
            "items": {
              "$ref": "#/components/schemas/Redaction"
            }
          }
        }
      },
      "Redaction": {
        "type": "object",
        "required": [
          "fields",
          "role",
          "reason"
        ],
        "properties": {
          "fields": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The fields left out."
          },
          "role": {
            "type": "string",
            "description": "Who the other person is to the subject, from the policy, in the package's language; never who they are."
          },
          "reason": {
            "type": "string",
            "description": "Why it was left out, in the package's language."
          }
        }
      },
      "AccessPurpose": {
        "type": "object",
        "description": "A purpose that applies to the person: since when and why, and which of their data it uses.",
        "required": [
          "purpose",
          "name",
          "legal_basis",
          "categories",
          "since",
          "reasons",
          "groups"
        ],
        "properties": {
          "purpose": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "legal_basis": {
            "type": "string",
            "description": "The legal basis in full, in words."
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The categories held that it uses."
          },
          "since": {
            "type": "string",
            "format": "date-time",
            "description": "When the purpose came to apply to the person (again, after an `applies_until` event ended it)."
          },
          "reasons": {
            "type": "array",
            "items": {
              "type": "string",
              "pattern": "^(collected|consent|inherited|event:.+)$"
            },
            "description": "Why it applies: `collected` (data was collected for it), `consent` (consent was given), `event:NAME` (one of its `applies_from` events happened), `inherited` (data written before Kluis recorded purposes, which the purpose uses)."
          },
          "groups": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The policy's subject groups of the purpose (its `subjects`), which the person is thereby part of."
          }
        }
      },
      "AccessDisclosure": {
        "type": "object",
        "required": [
          "recipient",
          "name",
          "country",
          "categories",
          "time"
        ],
        "properties": {
          "recipient": {
            "type": "string",
            "description": "A recipient id of the policy."
          },
          "name": {
            "type": "string"
          },
          "country": {
            "type": "string",
            "description": "ISO 3166 alpha-2."
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
          "time": {
            "type": "string",
            "format": "date-time"
          }
        }
      },
      "AccessRecipient": {
        "type": "object",
        "required": [
          "recipient",
          "name",
          "role",
          "country",
          "purposes"
        ],
        "properties": {
          "recipient": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "role": {
            "type": "string",
            "enum": [
              "processor",
              "sub_processor",
              "joint_controller",
              "third_party",
              "group_company",
              "authority"
            ]
          },
          "country": {
            "type": "string",
            "description": "ISO 3166 alpha-2: where the data goes."
          },
          "purposes": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The purposes it receives data for that use a category held."
          }
        }
      },
      "AccessRetention": {
        "type": "object",
        "required": [
          "category",
          "rules"
        ],
        "properties": {
          "category": {
            "type": "string"
          },
          "rules": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "The rule of each purpose that holds the category, in words."
          },
          "erase_by": {
            "type": "string",
            "format": "date-time",
            "description": "The latest erase-by date among the person's records of the category, as the sweep will act on them; absent while any of them has none (a retention clock has not started, a legal hold or a restriction is in force)."
          }
        }
      },
      "AccessSource": {
        "type": "object",
        "required": [
          "category",
          "origin",
          "source"
        ],
        "properties": {
          "category": {
            "type": "string"
          },
          "origin": {
            "$ref": "#/components/schemas/DataOrigin"
          },
          "source": {
            "type": "string",
            "description": "Where it came from, in words."
          }
        }
      }
    }
    """#
}
