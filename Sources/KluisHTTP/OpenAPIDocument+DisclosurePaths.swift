extension OpenAPIDocument {
    /// Paths of the disclosure log and of lifting restrictions of processing.
    static let disclosurePaths = #"""
    {
      "/v1/subjects/{id}/disclosures": {
        "parameters": [
          {
            "$ref": "#/components/parameters/SubjectId"
          }
        ],
        "post": {
          "operationId": "recordDisclosure",
          "tags": [
            "requests"
          ],
          "summary": "Log a disclosure to a recipient",
          "description": "Logs that data of `categories` was handed to a recipient of the policy for `purpose` outside Kluis. The log is how an access package names the recipients the data actually went to (art. 15(1)(c)), and whom to tell of a rectification, erasure or restriction (art. 19). Only an audit event is stored. Needs a key bound to `purpose`, or an admin key. Refused, changing nothing, unless the policy names the recipient for the purpose and the categories, and the purpose may use the person's data now: it applies to them, with consent in force where it rests on consent, no objection, and no restriction of a category.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The disclosure. At most 16 KiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/DisclosureBody"
                }
              }
            }
          },
          "responses": {
            "204": {
              "description": "The disclosure was logged."
            },
            "400": {
              "description": "`request.invalid` (the body is not valid JSON or lacks a field), `purpose.unknown` (`purpose` is not a purpose of the policy), `category.unknown` (no categories, or one `purpose` does not use).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "401": {
              "$ref": "#/components/responses/Unauthorised"
            },
            "403": {
              "description": "`purpose.not_allowed`: the key is not bound to `purpose`. `purpose.not_applicable`: the purpose does not apply to the person. `consent.required`, `consent.stale`: it rests on consent, and none is in force. `objection.in_force`: the person objected to it. `category.restricted`: a category disclosed is restricted (art. 18) for this purpose.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "$ref": "#/components/responses/SubjectNotFound"
            },
            "413": {
              "description": "`request.too_large`: the request body is larger than 16 KiB.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "422": {
              "description": "`request.invalid`: `recipient` is not a recipient of the policy, or the policy does not name it for `purpose`. `disclosure.not_listed`: the policy names the recipient for other categories only.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      },
      "/v1/subjects/{id}/restrictions/lift": {
        "parameters": [
          {
            "$ref": "#/components/parameters/SubjectId"
          }
        ],
        "post": {
          "operationId": "liftRestrictions",
          "tags": [
            "requests"
          ],
          "summary": "Lift a subject's restrictions (admin)",
          "description": "Ends the restrictions of processing the person asked for (art. 18), so that every purpose may use their data again. The person must be told before a restriction is lifted (art. 18(3)): `subject_told_at` records when. Restrictions that keep data under a legal obligation after an erasure stay. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "When the person was told. At most 4 KiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LiftBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "The restrictions that remain.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RestrictionsAnswer"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`: the body is not valid JSON, or `subject_told_at` is not an ISO 8601 date-time.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "401": {
              "$ref": "#/components/responses/Unauthorised"
            },
            "403": {
              "$ref": "#/components/responses/AdminOnly"
            },
            "404": {
              "$ref": "#/components/responses/SubjectNotFound"
            },
            "409": {
              "description": "`restriction.subject_not_told`: `subject_told_at` is missing or in the future.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "413": {
              "description": "`request.too_large`: the request body is larger than 4 KiB.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "422": {
              "description": "`request.invalid`: the subject has no restriction that can be lifted.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      }
    }
    """#
}
