extension OpenAPIDocument {
    /// Paths that create and find subjects.
    static let subjectPaths = #"""
    {
      "/v1/subjects": {
        "post": {
          "operationId": "createSubject",
          "tags": [
            "subjects"
          ],
          "summary": "Create a subject (a person) with identifiers and first records",
          "description": "Adds one person with up to one identifier of each kind and their first records, in one transaction. Each record is checked against the policy and the key's purposes as a write is, and is collected for a purpose: its own `purpose`, the body's `purpose`, or else the only purpose that uses its category among those the key is bound to (an admin key: among all purposes of the policy). That purpose comes to apply to the person. Nothing is written when a record is refused. Returns the new opaque subject id.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The person's identifiers and first records. At most 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SubjectDocument"
                }
              }
            }
          },
          "responses": {
            "201": {
              "description": "The subject was created.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Created"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid` (the body is not valid JSON or has a field of the wrong type), `identifier.invalid` (an unknown identifier kind or a malformed value), `category.unknown`, `field.unknown`, `input.invalid` (a record without fields, a value over 64 KiB, a malformed `record_id`), `purpose.unknown` (a `purpose` that is not a purpose of the policy), `purpose.category_unused` (the named purpose does not use the record's category), `purpose.required` (no `purpose`, and several purposes the key may collect for use the category; the detail lists them).",
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
              "description": "`purpose.not_allowed`: the key is bound to no purpose that uses a category of the records, or a record names a purpose the key may not collect for (admin keys may write every category, for every purpose).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "description": "`record.not_found`: a record names a `record_id`; a new subject has no records to correct.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "409": {
              "description": "`identifier.in_use`: another subject already has one of these identifiers.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "422": {
              "description": "`reference.invalid`: a field that refers to another person (`others` in the policy) does not hold a subject id. `reference.unknown`: it names a subject the vault does not hold.",
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
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      },
      "/v1/subjects/batch": {
        "post": {
          "operationId": "createSubjects",
          "tags": [
            "subjects"
          ],
          "summary": "Create many subjects in one transaction (imports)",
          "description": "Creates 1 to 10,000 subjects, all or none. Each subject has the shape of `POST /v1/subjects`, `purpose` included, and its records are collected for purposes the same way. The ids come back in the order of the request.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "1 to 10,000 subjects. At most 64 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/BatchBody"
                }
              }
            }
          },
          "responses": {
            "201": {
              "description": "Every subject was created.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/CreatedMany"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`, `input.invalid` (an empty batch or more than 10,000 subjects, a record without fields, a value over 64 KiB, a malformed `record_id`), `identifier.invalid`, `category.unknown`, `field.unknown`, `purpose.unknown` (a `purpose` that is not a purpose of the policy), `purpose.category_unused` (the named purpose does not use the record's category), `purpose.required` (no `purpose`, and several purposes the key may collect for use the category; the detail lists them).",
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
              "description": "`purpose.not_allowed`: the key is bound to no purpose that uses a category of the records, or a record names a purpose the key may not collect for.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "description": "`record.not_found`: a record names a `record_id`; a new subject has no records to correct.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "409": {
              "description": "`identifier.in_use`: an identifier belongs to an existing subject, or is given for two subjects of the batch.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "422": {
              "description": "`reference.invalid`: a field that refers to another person (`others` in the policy) does not hold a subject id. `reference.unknown`: it names a subject the vault does not hold.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "413": {
              "description": "`request.too_large`: the request body is larger than 64 MiB.",
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
      "/v1/subjects/lookup": {
        "post": {
          "operationId": "lookupSubject",
          "tags": [
            "subjects"
          ],
          "summary": "Find a subject by identifier",
          "description": "Finds a person through the blind index of a normalised identifier (e-mail addresses are compared case-insensitively, Dutch phone numbers in E.164). A POST, so that the identifier travels in the body and never in a URL or an access log. Every lookup is audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The identifier to look for. At most 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/LookupBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "The subject with this identifier.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Created"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`, `identifier.invalid` (an unknown kind or a malformed value).",
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
              "description": "`subject.not_found`: no subject has this identifier.",
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
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      }
    }
    """#
}
