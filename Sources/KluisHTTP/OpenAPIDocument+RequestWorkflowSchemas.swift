extension OpenAPIDocument {
    /// Schemas of data-subject requests: intake, state, deadlines and identity checks.
    static let requestWorkflowSchemas = #"""
    {
      "RequestID": {
        "type": "string",
        "pattern": "^req_[a-z2-7]{26}$",
        "description": "The opaque id of a data-subject request: `req_` and 26 characters of lower-case base32. Random and meaningless, safe in URLs and logs, and the reference to quote to the requester.",
        "examples": [
          "req_p4x7k2m3qa5vtn6wy2bc7dhe4g"
        ]
      },
      "RequestType": {
        "type": "string",
        "enum": [
          "access",
          "portability",
          "rectification",
          "erasure",
          "restriction",
          "objection",
          "withdrawal"
        ],
        "description": "What the person asks for: a copy of their data and the facts of its processing (`access`, art. 15), their data in a machine-readable form (`portability`, art. 20), corrected data (`rectification`, art. 16), their data erased (`erasure`, art. 17), stored but not used (`restriction`, art. 18), an objection to processing (`objection`, art. 21), or consent withdrawn (`withdrawal`, art. 7(3))."
      },
      "RequestState": {
        "type": "string",
        "enum": [
          "received",
          "awaiting_identification",
          "in_progress",
          "extended",
          "fulfilled",
          "rejected"
        ],
        "description": "`received`: taken in. `awaiting_identification`: the requester was asked to identify themselves, and the legal clock is paused (art. 12(6)). `in_progress`: the identity is verified. `extended`: the deadline was moved to receipt + 3 months (art. 12(3)). `fulfilled` and `rejected` (art. 12(4)) are final."
      },
      "IdentityCheck": {
        "type": "string",
        "enum": [
          "signed_in_session",
          "registered_email",
          "phone_callback",
          "id_copy_shielded",
          "in_person"
        ],
        "description": "How the requester's identity is checked: signed in to their account (`signed_in_session`), a one-time code sent to the e-mail address on record (`registered_email`), a call back to the phone number on record (`phone_callback`), a copy of an ID with photo, MRZ, document number and BSN blacked out and deleted after use (`id_copy_shielded`), or an ID shown in person (`in_person`). The policy lists the checks it accepts (`rights.identity_checks`)."
      },
      "RequestBody": {
        "type": "object",
        "description": "A data-subject request as it comes in.",
        "required": [
          "type"
        ],
        "properties": {
          "type": {
            "$ref": "#/components/schemas/RequestType"
          },
          "subject_id": {
            "$ref": "#/components/schemas/SubjectID",
            "description": "The requester, when known by their Kluis id."
          },
          "identifiers": {
            "$ref": "#/components/schemas/Identifiers",
            "description": "What the requester gave to be found by, such as their e-mail address. Looked up through the blind index and never stored with the request; when `subject_id` is given too, they must not belong to someone else. One of `subject_id` and `identifiers` is required."
          },
          "channel": {
            "type": "string",
            "enum": [
              "web",
              "email",
              "post",
              "phone",
              "in_person",
              "api"
            ],
            "default": "api",
            "description": "How the request reached the controller."
          },
          "received_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the request arrived, not in the future; now when absent. The legal month runs from this day, so give the day a letter or e-mail came in."
          },
          "purposes": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "For an objection or withdrawal: the purpose ids it is about; every purpose that allows it when absent."
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "For a restriction: the category ids to restrict; all when absent. For an erasure: the category ids to erase, the person and the rest of their data staying; the whole person when absent."
          },
          "ground": {
            "type": "string",
            "enum": [
              "accuracy_contested",
              "unlawful_processing",
              "legal_claims",
              "objection_pending"
            ],
            "description": "For a restriction: why it is asked (art. 18(1)); `accuracy_contested` when absent."
          },
          "signed_in_session": {
            "type": "boolean",
            "default": false,
            "description": "The application vouches that the requester is signed in as `subject_id`. Verifies the identity at once; refused when the policy does not accept `signed_in_session`."
          }
        }
      },
      "RequestAnswer": {
        "type": "object",
        "description": "A request as it stands today: what was asked, its state, history and deadlines. It holds no personal values: the subject is an id, reasons are refused when they contain a BSN, and an identity check is recorded by method only.",
        "required": [
          "id",
          "type",
          "channel",
          "received_at",
          "state",
          "purposes",
          "categories",
          "code_outstanding",
          "deadlines",
          "overdue",
          "due_soon",
          "history"
        ],
        "properties": {
          "id": {
            "$ref": "#/components/schemas/RequestID"
          },
          "type": {
            "$ref": "#/components/schemas/RequestType"
          },
          "subject_id": {
            "$ref": "#/components/schemas/SubjectID",
            "description": "Absent when the identifiers given matched nobody: the answer is then that no data is held."
          },
          "channel": {
            "type": "string",
            "enum": [
              "web",
              "email",
              "post",
              "phone",
              "in_person",
              "api"
            ]
          },
          "received_at": {
            "type": "string",
            "format": "date-time"
          },
          "state": {
            "$ref": "#/components/schemas/RequestState"
          },
          "purposes": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "For an objection or withdrawal; empty: every purpose that allows it."
          },
          "categories": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "For a restriction or an erasure; empty: all categories (for an erasure, the whole person)."
          },
          "ground": {
            "type": "string",
            "enum": [
              "accuracy_contested",
              "unlawful_processing",
              "legal_claims",
              "objection_pending"
            ],
            "description": "For a restriction, when the requester gave one."
          },
          "identity": {
            "$ref": "#/components/schemas/IdentityVerification",
            "description": "Present once the requester's identity is verified."
          },
          "code_outstanding": {
            "type": "boolean",
            "description": "Whether a one-time code was sent and has not been checked yet; it may have expired."
          },
          "extension_reason": {
            "type": "string",
            "description": "Why the deadline was extended, as the requester must be told."
          },
          "rejection_reason": {
            "type": "string",
            "description": "Why the request was refused, as the requester must be told."
          },
          "outcome": {
            "type": "string",
            "description": "What fulfilment did, in words without values, such as `erased 4 categories`."
          },
          "closed_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the request was fulfilled or rejected."
          },
          "deadlines": {
            "$ref": "#/components/schemas/RequestDeadlines"
          },
          "overdue": {
            "type": "boolean",
            "description": "Open, and `deadlines.due` has passed."
          },
          "due_soon": {
            "type": "boolean",
            "description": "Open, and due within seven days."
          },
          "history": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RequestStep"
            },
            "description": "Every step, oldest first."
          }
        }
      },
      "RequestDeadlines": {
        "type": "object",
        "description": "The legal deadlines (art. 12(3), Regulation 1182/71 and the Algemene termijnenwet), as dates (YYYY-MM-DD) in the Netherlands. The answer is due one month after receipt, or sooner when the policy promises less; a month ends on the same day number, or on the month's last day when it has none, and a period that ends on a Saturday, Sunday or Dutch public holiday ends on the next working day. While identification is awaited the clock is paused. An extension moves the deadline to receipt + 3 months and must be decided within the first month.",
        "required": [
          "receipt",
          "paused_days",
          "target",
          "deadline",
          "extension_decision_deadline",
          "extended_target",
          "extended_deadline",
          "extended",
          "paused",
          "due"
        ],
        "properties": {
          "receipt": {
            "type": "string",
            "format": "date",
            "description": "The day of receipt, moved by the days the clock was paused."
          },
          "paused_days": {
            "type": "integer",
            "minimum": 0,
            "description": "Whole days the clock was paused while identification was awaited, a pause still running included."
          },
          "target": {
            "type": "string",
            "format": "date",
            "description": "Receipt + one month, or the policy's shorter promise (`rights.answer_within`), before roll-over."
          },
          "deadline": {
            "type": "string",
            "format": "date",
            "description": "The day the answer is due without an extension: `target` moved past weekends and Dutch public holidays."
          },
          "extension_decision_deadline": {
            "type": "string",
            "format": "date",
            "description": "The last day an extension may be decided: receipt + one month, rolled over."
          },
          "extended_target": {
            "type": "string",
            "format": "date",
            "description": "Receipt + 3 months, before roll-over. Counted from receipt, not from the first deadline: they differ at month ends."
          },
          "extended_deadline": {
            "type": "string",
            "format": "date",
            "description": "`extended_target` rolled over: the day an extended answer is due."
          },
          "extended": {
            "type": "boolean",
            "description": "Whether an extension was decided."
          },
          "paused": {
            "type": "boolean",
            "description": "Whether the clock is paused now, awaiting identification."
          },
          "due": {
            "type": "string",
            "format": "date",
            "description": "The deadline that applies: `extended_deadline` once extended, else `deadline`."
          }
        }
      },
      "RequestStep": {
        "type": "object",
        "description": "One change of state, or an identity check recorded on a request already in progress.",
        "required": [
          "time",
          "actor",
          "state"
        ],
        "properties": {
          "time": {
            "type": "string",
            "format": "date-time"
          },
          "actor": {
            "type": "string",
            "description": "The API key id (`key_…`) or operator that took the step."
          },
          "state": {
            "$ref": "#/components/schemas/RequestState",
            "description": "The state after the step."
          },
          "note": {
            "type": "string",
            "description": "Why: the identity check, the extension or rejection reason, or what fulfilment did."
          }
        }
      },
      "IdentityVerification": {
        "type": "object",
        "description": "How the requester's identity was established: only the method, when and by whom are kept, never a document or its contents.",
        "required": [
          "method",
          "verified_at",
          "verified_by"
        ],
        "properties": {
          "method": {
            "$ref": "#/components/schemas/IdentityCheck"
          },
          "verified_at": {
            "type": "string",
            "format": "date-time"
          },
          "verified_by": {
            "type": "string",
            "description": "The API key id (`key_…`) or operator that verified."
          }
        }
      },
      "RequestList": {
        "type": "object",
        "required": [
          "requests"
        ],
        "properties": {
          "requests": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/RequestAnswer"
            },
            "description": "Oldest receipt first."
          }
        }
      }
    }
    """#
}
