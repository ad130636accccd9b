extension OpenAPIDocument {
    /// Schemas, first half: ids, identifiers and request bodies.
    static let schemasFirst = #"""
    {
      "SubjectID": {
        "type": "string",
        "pattern": "^sub_[a-z2-7]{26}$",
        "description": "The opaque id of a person: `sub_` and 26 characters of lower-case base32. Random and meaningless, safe in URLs and logs.",
        "examples": [
          "sub_k3q7x2m4pa5vtn6wy2bc7dhe4f"
        ]
      },
      "RecordID": {
        "type": "string",
        "pattern": "^rec_[a-z2-7]{26}$",
        "description": "The opaque id of a record: `rec_` and 26 characters of lower-case base32.",
        "examples": [
          "rec_m2vq7d4kx6pa3tn5wy2bc7he4f"
        ]
      },
      "IdentifierKind": {
        "type": "string",
        "enum": [
          "email",
          "phone",
          "customer_number",
          "external_id"
        ]
      },
      "Identifiers": {
        "type": "object",
        "description": "At most one identifier of each kind, keyed by kind. Values are trimmed; e-mail addresses are compared in lower case and phone numbers in E.164 (`06 1234 5678` and `+31 6 12345678` are the same). An unknown kind is refused with `identifier.invalid`.",
        "properties": {
          "email": {
            "type": "string",
            "minLength": 1,
            "maxLength": 320
          },
          "phone": {
            "type": "string",
            "minLength": 1,
            "maxLength": 320
          },
          "customer_number": {
            "type": "string",
            "minLength": 1,
            "maxLength": 320
          },
          "external_id": {
            "type": "string",
            "minLength": 1,
            "maxLength": 320
          }
        },
        "additionalProperties": false
      },
      "Fields": {
        "type": "object",
        "description": "Field name to value. The names are the `fields` of the category in the policy; each value is at most 64 KiB (UTF-8).",
        "minProperties": 1,
        "additionalProperties": {
          "type": "string"
        }
      },
      "RecordDocument": {
        "type": "object",
        "description": "A first record of a new subject.",
        "required": [
          "category",
          "fields"
        ],
        "properties": {
          "category": {
            "type": "string",
            "description": "A category id of the policy."
          },
          "record_id": {
            "$ref": "#/components/schemas/RecordID"
          },
          "fields": {
            "$ref": "#/components/schemas/Fields"
          },
          "purpose": {
            "type": "string",
            "description": "The purpose this record is collected for; overrides the subject's `purpose`. It must be a purpose of the policy (`purpose.unknown`) that uses the category (`purpose.category_unused`) and that the key is bound to (`purpose.not_allowed`; an admin key may name any). When neither is given: the only purpose that uses the category among those the key is bound to (an admin key: among all purposes of the policy); `purpose.required` when there are several."
          }
        }
      },
      "SubjectDocument": {
        "type": "object",
        "properties": {
          "identifiers": {
            "$ref": "#/components/schemas/Identifiers"
          },
          "purpose": {
            "type": "string",
            "description": "The purpose all the records are collected for, unless a record names its own. The same rules as a record's `purpose`."
          },
          "records": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RecordDocument"
            }
          }
        }
      },
      "BatchBody": {
        "type": "object",
        "required": [
          "subjects"
        ],
        "properties": {
          "subjects": {
            "type": "array",
            "minItems": 1,
            "maxItems": 10000,
            "items": {
              "$ref": "#/components/schemas/SubjectDocument"
            }
          }
        }
      },
      "LookupBody": {
        "type": "object",
        "required": [
          "kind",
          "value"
        ],
        "properties": {
          "kind": {
            "$ref": "#/components/schemas/IdentifierKind"
          },
          "value": {
            "type": "string",
            "minLength": 1,
            "maxLength": 320
          }
        }
      },
      "FieldsBody": {
        "type": "object",
        "required": [
          "fields"
        ],
        "properties": {
          "record_id": {
            "$ref": "#/components/schemas/RecordID",
            "description": "The record to correct; it must be an existing record of the subject in the category."
          },
          "fields": {
            "$ref": "#/components/schemas/Fields"
          },
          "purpose": {
            "type": "string",
            "description": "The purpose the data is collected for: a purpose of the policy (`purpose.unknown`) that uses the category (`purpose.category_unused`) and that the key is bound to (`purpose.not_allowed`; an admin key may name any). When absent: the only purpose that uses the category among those the key is bound to (an admin key: among all purposes of the policy), and `purpose.required` when there are several; but a correction of an existing record (`record_id`, or a one-record category that already has its record) keeps what the record was collected for."
          }
        }
      },
      "EventBody": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "description": "A lifecycle event of the policy.",
            "examples": [
              "last_contact"
            ]
          },
          "at": {
            "type": "string",
            "format": "date-time",
            "description": "When it happened, ISO 8601 without fractional seconds (`2025-03-31T09:00:00Z`); now when absent."
          }
        }
      }
    }
    """#
}
