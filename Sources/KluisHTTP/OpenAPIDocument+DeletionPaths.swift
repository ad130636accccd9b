extension OpenAPIDocument {
    /// Paths of deleting a piece of a person's data: one record.
    static let deletionPaths = #"""
    {
      "/v1/subjects/{id}/{category}/{record_id}": {
        "parameters": [
          {
            "$ref": "#/components/parameters/SubjectId"
          },
          {
            "$ref": "#/components/parameters/Category"
          },
          {
            "name": "record_id",
            "in": "path",
            "required": true,
            "description": "The id of one record of the category (`rec_…`).",
            "schema": {
              "type": "string",
              "pattern": "^rec_[a-z2-7]{26}$"
            }
          }
        ],
        "delete": {
          "operationId": "deleteRecord",
          "tags": [
            "records"
          ],
          "summary": "Delete one record of a subject",
          "description": "Erases one record. When it was the last of its category, the person's key for the category is destroyed with it; else the key stays for the others. Refused, changing nothing, when a legal obligation that applies to the person or a legal hold in force must keep it. An application's key may delete only where the policy lets the person delete the category themselves (`deletion: self_service`); an admin key may delete any. Audited as `erasure`; journalled, so that a restore erases it again.",
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
              "description": "`category.unknown`: the category is not in the policy. `input.invalid`: the path's record id is malformed.",
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
              "description": "`subject.not_found` (the path names no subject), `record.not_found` (the subject has no such record in the category).",
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
      }
    }
    """#
}
