extension OpenAPIDocument {
    /// Paths of retention: legal holds on a person, sweeps on demand, the retention report and the anonymous records sweeps leave.
    static let retentionPaths = #"""
    {
      "/v1/subjects/{id}/holds/{hold}": {
        "parameters": [
          {
            "$ref": "#/components/parameters/SubjectId"
          },
          {
            "name": "hold",
            "in": "path",
            "required": true,
            "description": "A legal hold of the policy: the `id` of a hold in a purpose's `retention.holds`. A value that is not one is answered with 404 `hold.unknown`.",
            "schema": {
              "type": "string",
              "pattern": "^[a-z][a-z0-9_]{0,63}$"
            }
          }
        ],
        "put": {
          "operationId": "placeHold",
          "tags": [
            "retention"
          ],
          "summary": "Place a legal hold on a subject",
          "description": "Records the hold's event for the person: while the hold is in force, the retention clocks of the purposes it belongs to stop, so nothing those purposes keep goes at a sweep. Any API key. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "responses": {
            "204": {
              "description": "The hold is in force."
            },
            "401": {
              "$ref": "#/components/responses/Unauthorised"
            },
            "404": {
              "description": "`hold.unknown` (the path names no legal hold of the policy), `subject.not_found` (the path names no subject).",
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
        },
        "delete": {
          "operationId": "releaseHold",
          "tags": [
            "retention"
          ],
          "summary": "Release a legal hold on a subject",
          "description": "Records the event that releases the hold (its `released_by` in the policy): the retention clocks run again from their anchors, and what is then past its retention goes at the next sweep. Any API key. Audited.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "responses": {
            "204": {
              "description": "The hold is released."
            },
            "401": {
              "$ref": "#/components/responses/Unauthorised"
            },
            "404": {
              "description": "`hold.unknown` (the path names no legal hold of the policy), `subject.not_found` (the path names no subject).",
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
      "/v1/retention/sweeps": {
        "post": {
          "operationId": "sweepRetention",
          "tags": [
            "retention"
          ],
          "summary": "Run a retention sweep now (admin)",
          "description": "Deletes or anonymises the records past their retention, reduces the audit events past the audit log's retention and deletes the closed requests past theirs, as the scheduled sweep does. A dry run counts what would go and changes nothing but erase-by dates that are stale because the policy's retention terms changed. The sweep is audited with counts, never values.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "requestBody": {
            "required": true,
            "description": "Whether to sweep or only count; `{}` sweeps. At most 1 MiB.",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/SweepBody"
                }
              }
            }
          },
          "responses": {
            "200": {
              "description": "What the sweep did, or for a dry run would do.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/SweepReport"
                  }
                }
              }
            },
            "400": {
              "description": "`request.invalid`: the body is not a JSON object, or `dry_run` is not a boolean.",
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
            "413": {
              "$ref": "#/components/responses/TooLarge"
            },
            "500": {
              "$ref": "#/components/responses/Internal"
            }
          }
        }
      },
      "/v1/retention/report": {
        "get": {
          "operationId": "retentionReport",
          "tags": [
            "retention"
          ],
          "summary": "What the vault keeps and why (admin)",
          "description": "Counts, per category and purpose, the records with an erase-by date, how many are due and the next one due; the records without a date and why (a legal hold, a restriction, an event that has not happened); and per purpose and reason how many people it applies to. Dates are worked out afresh from the policy and each person's history; nothing is changed. Counts only, never values, identifiers or subject ids.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "parameters": [
            {
              "name": "at",
              "in": "query",
              "required": false,
              "description": "The moment to count due records at, ISO 8601 (`2027-01-31T12:00:00Z`); now when absent.",
              "schema": {
                "type": "string",
                "format": "date-time"
              }
            }
          ],
          "responses": {
            "200": {
              "description": "The report.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/RetentionReport"
                  }
                }
              }
            },
            "400": {
              "description": "`input.invalid`: `at` is not an ISO 8601 date-time.",
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
        }
      },
      "/v1/anonymous-records": {
        "get": {
          "operationId": "anonymousRecords",
          "tags": [
            "retention"
          ],
          "summary": "Anonymous records (admin)",
          "description": "What sweeps kept of anonymised records: the category, the purpose, the day and the generalised values the policy names, with no link to any person. Of one category when `category` is given.",
          "security": [
            {
              "bearerAuth": []
            }
          ],
          "parameters": [
            {
              "name": "category",
              "in": "query",
              "required": false,
              "description": "Only anonymous records of this category of the policy.",
              "schema": {
                "type": "string"
              }
            },
            {
              "name": "limit",
              "in": "query",
              "required": false,
              "description": "The most records to return, at most 10000; 1000 when absent or not a number.",
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
              "description": "The anonymous records.",
              "content": {
                "application/json": {
                  "schema": {
                    "$ref": "#/components/schemas/AnonymousRecordList"
                  }
                }
              }
            },
            "400": {
              "description": "`category.unknown`: `category` is not a category of the policy.",
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
        }
      }
    }
    """#
}
