// name: path
// description: The shortest connections between two actors (up to 3 steps here, 6 on Neo4j), with the relation types and their direction on the way.
// family: structure
// @param {"name": "source", "type": "actor", "default": null, "example": "خالد حفتر", "required": true, "description": "where the path starts (id, name, alias or Latin name)"}
// @param {"name": "target", "type": "actor", "default": null, "example": "Michael Langley", "required": true, "description": "where the path ends (id, name, alias or Latin name)"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.3, "min": 0, "max": 1, "description": "only use relationships at or above this confidence"}
// @param {"name": "limit", "type": "int", "default": 10, "example": 5, "min": 0, "description": "at most this many paths"}
// Neo4j 5 variant of path.cypher (selected by reports.py when the store is Neo4j, and
// printed by --print-cypher): Neo4j's allShortestPaths() in MATCH evaluates the
// all(...) predicate during the search, so it finds the shortest admissible paths of
// up to 6 steps without enumerating longer ones. FalkorDB cannot run this form
// (see path.cypher) except on small graphs, where the test suite runs it to check its
// syntax and answer (the `WITH a, b` is for FalkorDB and harmless in Neo4j). The result
// columns are the same.
MATCH (a:Actor {id: $source}), (b:Actor {id: $target})
WHERE a.id <> b.id
WITH a, b
MATCH p = allShortestPaths((a)-[*..6]-(b))
WHERE all(r IN relationships(p) WHERE r.confidence >= $min_confidence AND coalesce(r.rejected, false) = false)
RETURN length(p) AS hops,
       [n IN nodes(p) | n.name] AS actors,
       [r IN relationships(p) | type(r)] AS relations,
       reduce(s = head(nodes(p)).name, i IN range(0, length(p) - 1) |
         s + CASE WHEN type(relationships(p)[i]) IN ['MET_WITH', 'COOPERATES_WITH', 'RIVAL_OF', 'RELATIVE_OF'] THEN ' -[' + type(relationships(p)[i]) + ']- '
                  WHEN startNode(relationships(p)[i]).id = nodes(p)[i].id THEN ' -[' + type(relationships(p)[i]) + ']-> '
                  ELSE ' <-[' + type(relationships(p)[i]) + ']- ' END + nodes(p)[i + 1].name) AS path,
       [n IN nodes(p) | n.id] AS actor_ids
ORDER BY hops, path
LIMIT $limit
