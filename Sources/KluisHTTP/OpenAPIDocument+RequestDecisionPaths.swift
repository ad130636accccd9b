extension OpenAPIDocument {
    /// Paths that verify a requester's identity, extend a deadline and refuse a request.
    static let requestDecisionPaths = #"""
    {
      "/v1/requests/{request}/verify": {
        "parameters": [
          {
            "$ref": "#/components/parameters/RequestId"
          }
        ],
        "post": {
          "operationId": "verifyIdentity",
          "tags": [
            "requests"
          ],
          "summary": "Record the requester's identity check",
          "description": "Records how the requester's identity was established. Only the method, when and by whom are kept, never a copy of an ID or its contents. `registered_email` checks the code from `verification-code`; after five wrong codes a new one must be sent. With `signed_in_session` the application vouches that the requester is signed in as the subject. `phone_callback`, `id_copy_shielded` and `in_person` are checks staff made outside Kluis and need an admin key. The method must be one the policy accepts. A `received` or `awaiting_identification` request becomes `in_progress`, and a paused clock runs again. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The check. At most 4 KiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/VerifyBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "The identity is verified.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RequestAnswer"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`: the body is not valid JSON or lacks `method`.",
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
              "description": "`auth.forbidden`: only an admin key may attest `phone_callback`, `id_copy_shielded` or `in_person`.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "$ref": "#/components/responses/RequestNotFound"
            },
            "409": {
              "description": "`request.state_invalid`: the request is closed.",
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
              "description": "`request.code_wrong` (no code is outstanding, it expired, or `code` is missing or wrong), `request.identity_check_not_accepted` (the policy does not accept the method), `request.invalid` (an unknown `method`, or the request matches no subject: there is no one to verify).",
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
      "/v1/requests/{request}/extend": {
        "parameters": [
          {
            "$ref": "#/components/parameters/RequestId"
          }
        ],
        "post": {
          "operationId": "extendRequest",
          "tags": [
            "requests"
          ],
          "summary": "Extend the deadline (admin)",
          "description": "Moves the deadline to receipt + 3 months, for a complex request or many requests (art. 12(3)). Allowed once, from `in_progress`, and only within the first month, by `deadlines.extension_decision_deadline`: tell the requester the extension and its reason within that month. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The reason. At most 16 KiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReasonBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "The request, extended.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RequestAnswer"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`: the body is not valid JSON or lacks `reason`.",
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
              "$ref": "#/components/responses/RequestNotFound"
            },
            "409": {
              "description": "`request.state_invalid`: the request is not `in_progress`.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
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
              "description": "`request.extension_too_late` (the first month has passed), `request.invalid` (an empty `reason` or one longer than 2000 characters), `input.bsn_refused` (the reason contains a citizen service number, which Kluis never stores).",
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
      "/v1/requests/{request}/reject": {
        "parameters": [
          {
            "$ref": "#/components/parameters/RequestId"
          }
        ],
        "post": {
          "operationId": "rejectRequest",
          "tags": [
            "requests"
          ],
          "summary": "Refuse a request (admin)",
          "description": "Closes the request as `rejected`: it is manifestly unfounded or excessive, the requester could not be identified, it matches no subject, or it is not acted on for another reason. Tell the requester the reason and that they may complain to the supervisory authority and go to court (art. 12(4)). Allowed while the request is open. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The reason. At most 16 KiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ReasonBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "The request, rejected.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RequestAnswer"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`: the body is not valid JSON or lacks `reason`.",
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
              "$ref": "#/components/responses/RequestNotFound"
            },
            "409": {
              "description": "`request.state_invalid`: the request is already closed.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
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
              "description": "`request.invalid` (an empty `reason` or one longer than 2000 characters), `input.bsn_refused` (the reason contains a citizen service number, which Kluis never stores).",
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
