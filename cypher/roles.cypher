// name: roles
// description: Who held which role, in which organisation or state: the role's start date where a sentence gave one, and when the holder was seen with it; optionally only roles already held at a date.
// family: structure
// @param {"name": "org", "type": "actor", "default": null, "example": "الجيش الوطني الليبي", "description": "only roles in this organisation or state (id, name, alias or Latin name)"}
// @param {"name": "actor", "type": "actor", "default": null, "example": "خالد حفتر", "description": "only the roles of this person"}
// @param {"name": "at", "type": "date", "default": null, "example": "2025-09-01", "description": "only roles held by this day: started (or first seen) on or before it"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.5, "min": 0, "max": 1, "description": "ignore affiliations below this confidence"}
// @param {"name": "limit", "type": "int", "default": 100, "example": 20, "min": 0, "description": "at most this many rows"}
// Portable Cypher (FalkorDB and Neo4j 5). role_since is the earliest start date a sentence
// stated ("عُيّن في 18 أغسطس"), as YYYY-MM-DD or YYYY-MM; first_seen/last_seen are the dates of
// the documents the role was seen in. A role counts as held at `at` when it started, or was
// first seen, on or before that day (ISO strings compare in date order).
MATCH (p:Actor)-[r:AFFILIATED_WITH]->(o:Actor)
WHERE ($org IS NULL OR o.id = $org)
  AND ($actor IS NULL OR p.id = $actor)
  AND r.confidence >= $min_confidence
  AND coalesce(r.rejected, false) = false
  AND ($at IS NULL OR coalesce(r.role_since, r.first_seen) <= $at)
RETURN p.id AS a_id, p.name AS person, p.name_en AS person_en, o.id AS b_id, o.name AS organisation,
       r.roles AS roles, r.role_since AS since, r.first_seen AS first_seen, r.last_seen AS last_seen,
       r.count AS evidence, r.confidence AS confidence
ORDER BY coalesce(r.role_since, r.first_seen, '9999') , organisation, person
LIMIT $limit
