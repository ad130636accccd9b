extension OpenAPIDocument {
    /// Paths that read, write and record events for one subject.
    static let recordPaths = #"""
    {
      "/v1/subjects/{id}": {
        "parameters": [
          {
            "$ref": "#/components/parameters/SubjectId"
          }
        ],
        "get": {
          "operationId": "readSubject",
          "tags": [
            "subjects"
          ],
          "summary": "Read a subject for a purpose",
          "description": "Returns the records the purpose may see and names every other category the subject has records in, with the reason it is withheld. The purpose comes from the `purpose` query parameter or, when that is absent, the `Kluis-Purpose` header; one of them is required. A key not bound to the purpose reads only by breaking glass: it must be allowed to, and must give a reason in `Kluis-Break-Glass-Reason`. The purpose must apply to the person now: data was collected for it, consent was given, or one of its `applies_from` events happened, and none of its `applies_until` events ended it since. A purpose marked `pseudonymised` (research, statistics) sees every field generalised where the category's `anonymise` says how, else as a keyed pseudonym (`psd_…`, equal for equal values within the purpose), never a value as stored. Every read and refusal is audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "parameters": [
            {
              "$ref": "#/components/parameters/PurposeQuery"
            },
            {
              "$ref": "#/components/parameters/PurposeHeader"
            },
            {
              "$ref": "#/components/parameters/BreakGlassReason"
            }
          ],
          "responses": {
            "200": {
              "description": "What the purpose may see.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ReadAnswer"
                  }
                }
              }
            },
            "400": {
              "description": "`purpose.unknown`: no purpose is named, or it is not a purpose of the policy.",
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
              "description": "`purpose.not_allowed` (the key is not bound to the purpose and gave no break-glass reason), `break_glass.not_allowed` (a reason was given but the key may not break glass), `purpose.not_applicable` (the purpose does not apply to the subject now: nothing was collected for it and none of the events that make it apply happened, or one that ends it did; audited as denied), `consent.required`, `consent.stale` (a consent-based purpose without consent in force), `objection.in_force` (the subject objected to the purpose).",
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
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      },
      "/v1/subjects/{id}/{category}": {
        "parameters": [
          {
            "$ref": "#/components/parameters/SubjectId"
          },
          {
            "$ref": "#/components/parameters/Category"
          }
        ],
        "put": {
          "operationId": "writeRecord",
          "tags": [
            "records"
          ],
          "summary": "Write or correct a record",
          "description": "In a category with one record per person, replaces that record (creating it the first time); a `record_id`, if given, must be the existing record's id. In a category with many records, adds a new record, or, with `record_id`, replaces that record. A replacement stores exactly the fields given: fields left out are removed. The data is collected for `purpose`, or when that is absent for the only purpose that uses the category among those the key is bound to (an admin key: among all purposes of the policy); that purpose comes to apply to the person. A correction without `purpose` keeps what the record was collected for. Nothing is written when the write is refused. Returns the record id.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The record's fields, the purpose they are collected for, and for a correction the record it replaces. At most 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/FieldsBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "The record was written.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/Written"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`, `category.unknown`, `field.unknown`, `input.invalid` (no fields, a value over 64 KiB, a malformed `record_id`), `purpose.unknown` (`purpose` is not a purpose of the policy), `purpose.category_unused` (`purpose` does not use the category), `purpose.required` (no `purpose`, and several purposes the key may collect for use the category; the detail lists them).",
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
              "description": "`purpose.not_allowed`: the key is bound to no purpose that uses the category, or may not collect for the `purpose` named.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "description": "`subject.not_found` (the path names no subject), `record.not_found` (`record_id` names no record of the subject in the category).",
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
        },
        "delete": {
          "operationId": "deleteCategory",
          "tags": [
            "records"
          ],
          "summary": "Delete a category of a subject",
          "description": "Erases every record of the category: the records are deleted and the person's key for the category destroyed. The person, their identifiers and their other data stay. Refused, changing nothing, when a legal obligation that applies to the person or a legal hold in force must keep it. An application's key may delete only where the policy lets the person delete the category themselves (`deletion: self_service`); an admin key may delete any. Audited as `erasure`; journalled, so that a restore erases it again.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "responses": {
            "200": {
              "description": "What was erased, as the erasure journal records it: `erased` names the category when it went whole (its key destroyed), `scope` what was asked.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/ErasureRecord"
                  }
                }
              }
            },
            "400": {
              "description": "`category.unknown`: the category is not in the policy.",
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
              "description": "`purpose.not_allowed`: the key is bound to no purpose that uses the category. `erasure.request_only`: the policy does not let the person delete this category themselves (`deletion: request`); only an admin key, or an erasure request, can.",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "404": {
              "description": "`subject.not_found` (the path names no subject), `record.not_found` (the subject has no records in the category).",
              "content": {
                "application/problem+json": {
                  "schema": {
                    "$ref": "#/components/schemas/Problem"
                  }
                }
              }
            },
            "409": {
              "description": "`erasure.kept`: a legal obligation that applies to the person, or a legal hold in force, must keep it; the detail names the purpose and until when. Nothing changed. An erasure request restricts such data to that purpose instead.",
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
      "/v1/subjects/{id}/events": {
        "parameters": [
          {
            "$ref": "#/components/parameters/SubjectId"
          }
        ],
        "post": {
          "operationId": "recordEvent",
          "tags": [
            "records"
          ],
          "summary": "Record a lifecycle event",
          "description": "Records an event that starts or stops retention clocks, or makes a purpose apply or stop applying: `last_contact`, `contract_end`, `consent_withdrawn`, `account_closed`, a hold id or the event that releases it, an event anchor named in the policy, or an event in a purpose's `applies_from` or `applies_until`. Recording the same event again moves its time.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "The event and when it happened. At most 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/EventBody"
                }
              }
            }
          },
          "responses": {
            "204": {
              "description": "The event was recorded."
            },
            "400": {
              "description": "`request.invalid` (including an `at` that is not an ISO 8601 date-time), `event.invalid` (not an event of this policy).",
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
              "$ref": "#/components/responses/SubjectNotFound"
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
