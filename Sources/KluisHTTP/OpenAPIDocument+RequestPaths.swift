extension OpenAPIDocument {
    /// Paths of data-subject requests: intake, the queue, and asking the requester to identify themselves.
    static let requestPaths = #"""
    {
      "/v1/requests": {
        "get": {
          "operationId": "listRequests",
          "tags": [
            "requests"
          ],
          "summary": "The request queue (admin)",
          "description": "Requests oldest first, with their deadlines as they stand today and the `overdue` and `due_soon` flags, so that staff see what must be answered first. Open requests unless `filter` says otherwise.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "parameters": [
            {
              "name": "filter",
              "in": "query",
              "required": false,
              "description": "`open`: every open request. `overdue`: open and past the date due. `due_soon`: open and due within seven days, or overdue. `all`: open and closed.",
              "schema": {
                "type": "string",
                "enum": [
                  "open",
                  "overdue",
                  "due_soon",
                  "all"
                ],
                "default": "open"
              }
            },
            {
              "name": "subject_id",
              "in": "query",
              "required": false,
              "description": "Only requests about this subject.",
              "schema": {
                "$ref": "#/components/schemas/SubjectID"
              }
            },
            {
              "name": "limit",
              "in": "query",
              "required": false,
              "description": "The most requests to read, clamped to 1...10000; 1000 when absent or not a number. `overdue` and `due_soon` are picked from the requests read.",
              "schema": {
                "type": "integer",
                "default": 1000,
                "minimum": 1,
                "maximum": 10000
              }
            }
          ],
          "responses": {
            "200": {
              "description": "The requests, by receipt.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RequestList"
                  }
                }
              }
            },
            "400": {
              "description": "`input.invalid`: `filter` is not one of the four, or `subject_id` is not a subject id.",
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
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        },
        "post": {
          "operationId": "submitRequest",
          "tags": [
            "requests"
          ],
          "summary": "Take in a data-subject request",
          "description": "Records a request to exercise a right (arts. 15-21, and 7(3) for withdrawing consent) as it arrives: the legal month runs from `received_at`. Name the requester by `subject_id` or by `identifiers`, which are looked up through the blind index and never stored with the request; identifiers that match nobody still give a request, to be answered that no data is held. With `signed_in_session` the application vouches that the requester is signed in as the subject, which verifies their identity at once. Any API key, so a privacy centre can take requests in itself. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The request. At most 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RequestBody"
                }
              }
            }
          },
          "responses": {
            "201": {
              "description": "The request was recorded, with its deadlines.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RequestAnswer"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid` (the body is not valid JSON, has a field of the wrong type, or a `received_at` that is not an ISO 8601 date-time), `identifier.invalid` (an unknown identifier kind or a malformed value), `input.invalid` (`subject_id` is not a subject id), `purpose.unknown`, `category.unknown` (`purposes` or `categories` names one the policy does not have).",
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
            "404": {
              "description": "`subject.not_found`: `subject_id` names no subject.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "413": {
              "$ref": "#/components/responses/TooLarge"
            },
            "422": {
              "description": "`request.invalid` (an unknown `type`, `channel` or `ground`; neither `subject_id` nor `identifiers`; identifiers of another subject than `subject_id`; a `received_at` in the future; `purposes` for a type other than objection or withdrawal, `categories` or `ground` for a type other than restriction; `signed_in_session` without a subject), `consent.not_applicable` (an objection to a purpose art. 21 gives no right to object to, or a withdrawal for a purpose that does not rest on consent), `request.identity_check_not_accepted` (`signed_in_session` while the policy does not accept it).",
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
      "/v1/requests/{request}": {
        "parameters": [
          {
            "$ref": "#/components/parameters/RequestId"
          }
        ],
        "get": {
          "operationId": "showRequest",
          "tags": [
            "requests"
          ],
          "summary": "One request (admin)",
          "description": "The request with its state, history and deadlines as they stand today.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "responses": {
            "200": {
              "description": "The request.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RequestAnswer"
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
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      },
      "/v1/requests/{request}/identification": {
        "parameters": [
          {
            "$ref": "#/components/parameters/RequestId"
          }
        ],
        "post": {
          "operationId": "askForIdentification",
          "tags": [
            "requests"
          ],
          "summary": "Ask the requester to identify themselves (admin)",
          "description": "Records that staff asked for more information to confirm who made the request, because there is reasonable doubt (art. 12(6)). The request becomes `awaiting_identification` and its legal clock pauses until the identity is verified: the deadlines move by the whole days of the pause. Allowed while the request is `received` or `in_progress`. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "responses": {
            "200": {
              "description": "The request, awaiting identification.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RequestAnswer"
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
              "description": "`request.state_invalid`: the request is not `received` or `in_progress`.",
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
      "/v1/requests/{request}/verification-code": {
        "parameters": [
          {
            "$ref": "#/components/parameters/RequestId"
          }
        ],
        "post": {
          "operationId": "sendVerificationCode",
          "tags": [
            "requests"
          ],
          "summary": "Send a one-time code to the registered e-mail address",
          "description": "Sends a six-digit code, valid for 30 minutes, to the e-mail address the subject is registered with, through the outbox the server is configured with; the requester proves who they are by giving it back through `verify` with method `registered_email`. The request becomes `awaiting_identification`, which pauses its clock until then. Only a keyed hash of the code is kept, and a new code replaces an outstanding one. Any API key, so a privacy centre can run the check itself. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "responses": {
            "200": {
              "description": "The code was sent; the request shows `code_outstanding`.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RequestAnswer"
                  }
                }
              }
            },
            "401": {
              "$ref": "#/components/responses/Unauthorised"
            },
            "404": {
              "$ref": "#/components/responses/RequestNotFound"
            },
            "409": {
              "description": "`request.state_invalid`: the request is closed, or extended (an extended request cannot pause).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "422": {
              "description": "`request.identity_check_not_accepted` (the policy does not accept `registered_email`), `request.invalid` (the server has no outbox configured, the request matches no subject, or the subject has no registered e-mail address).",
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
