extension OpenAPIDocument {
    /// Schemas of cookie choices and their Consent Mode signals.
    static let cookieSchemas = #"""
    {
      "CookieConfiguration": {
        "type": "object",
        "required": [
          "policy_version",
          "language",
          "languages",
          "statement_url",
          "controller",
          "categories"
        ],
        "properties": {
          "policy_version": {
            "type": "string"
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ],
            "description": "The language of the texts."
          },
          "languages": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "nl",
                "en"
              ]
            },
            "description": "The languages the policy is written in, its first the default."
          },
          "statement_url": {
            "type": "string",
            "format": "uri",
            "description": "The privacy statement in `language` on this server."
          },
          "controller": {
            "type": "string",
            "description": "The controller's name."
          },
          "categories": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/CookieCategory"
            },
            "description": "In policy order."
          }
        }
      },
      "CookieCategory": {
        "type": "object",
        "required": [
          "id",
          "name",
          "required",
          "consent_mode"
        ],
        "properties": {
          "id": {
            "type": "string",
            "description": "`essential`, `functional`, `statistics`, `marketing` or an id of the policy's own."
          },
          "name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "required": {
            "type": "boolean",
            "description": "True when the category needs no consent (strictly necessary or exempt): always allowed, not a choice."
          },
          "consent_mode": {
            "type": "array",
            "items": {
              "type": "string",
              "enum": [
                "security_storage",
                "functionality_storage",
                "personalization_storage",
                "analytics_storage",
                "ad_storage",
                "ad_user_data",
                "ad_personalization"
              ]
            },
            "description": "The Google Consent Mode v2 types the category grants when allowed."
          }
        }
      },
      "CookieChoiceBody": {
        "type": "object",
        "required": [
          "choices"
        ],
        "properties": {
          "visitor_id": {
            "type": "string",
            "pattern": "^vis_[a-z2-7]{26}$",
            "description": "The visitor's id from an earlier choice; a new one is made when absent."
          },
          "subject_id": {
            "$ref": "#/components/schemas/SubjectID",
            "description": "The person the choice belongs to. Needs an API key in `Authorization: Bearer`."
          },
          "choices": {
            "type": "object",
            "additionalProperties": {
              "type": "boolean"
            },
            "description": "Allowed or not, by cookie category id. Categories that need consent and are not named are refused; a category that needs none cannot be refused."
          },
          "language": {
            "type": "string",
            "enum": [
              "nl",
              "en"
            ],
            "description": "The language the banner was shown in, one the policy is written in."
          }
        }
      },
      "CookieChoiceAnswer": {
        "type": "object",
        "required": [
          "visitor_id",
          "policy_version",
          "recorded_at",
          "expires_at",
          "gpc",
          "choices",
          "consent_mode"
        ],
        "properties": {
          "visitor_id": {
            "type": "string",
            "pattern": "^vis_[a-z2-7]{26}$"
          },
          "policy_version": {
            "type": "string"
          },
          "recorded_at": {
            "type": "string",
            "format": "date-time"
          },
          "expires_at": {
            "type": "string",
            "format": "date-time",
            "description": "When the banner asks again: a year after the choice."
          },
          "gpc": {
            "type": "boolean",
            "description": "Whether the browser sent `Sec-GPC: 1`."
          },
          "choices": {
            "type": "object",
            "additionalProperties": {
              "type": "boolean"
            },
            "description": "Every cookie category of the policy, allowed or not, as recorded."
          },
          "consent_mode": {
            "$ref": "#/components/schemas/ConsentMode"
          }
        }
      },
      "ConsentMode": {
        "type": "object",
        "description": "Google Consent Mode v2 signals: a type is granted when an allowed category grants it; `security_storage` is always granted, as strictly necessary storage needs no consent.",
        "required": [
          "security_storage",
          "functionality_storage",
          "personalization_storage",
          "analytics_storage",
          "ad_storage",
          "ad_user_data",
          "ad_personalization"
        ],
        "properties": {
          "security_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "functionality_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "personalization_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "analytics_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "ad_storage": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "ad_user_data": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          },
          "ad_personalization": {
            "type": "string",
            "enum": [
              "granted",
              "denied"
            ]
          }
        },
        "additionalProperties": false
      }
    }
    """#
}
