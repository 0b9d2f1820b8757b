// name: rivalries
// description: Pairs linked by OPPOSES or RIVAL_OF, with strength (evidence, documents) and the latest evidence sentence.
// family: rivalries
// @param {"name": "actor", "type": "actor", "default": null, "example": "خليفة حفتر", "description": "only rivalries involving this actor"}
// @param {"name": "min_confidence", "type": "float", "default": 0.0, "example": 0.5, "description": "ignore edges below this confidence"}
// @param {"name": "limit", "type": "int", "default": 50, "example": 20, "description": "at most this many rows"}
MATCH (a:Actor)-[r:OPPOSES|RIVAL_OF]-(b:Actor)
WHERE a.id < b.id
  AND r.confidence >= $min_confidence
  AND coalesce(r.rejected, false) = false
  AND ($actor IS NULL OR a.id = $actor OR b.id = $actor)
WITH a, b, collect(r) AS rs
WITH a, b, rs,
     reduce(n = 0, r IN rs | n + r.count) AS evidence,
     reduce(ds = [], r IN rs | ds + r.documents) AS all_docs,
     reduce(ss = [], r IN rs | ss + r.sentences) AS all_sentences,
     reduce(t = '', r IN rs | CASE WHEN r.last_seen IS NOT NULL AND r.last_seen > t THEN r.last_seen ELSE t END) AS last_seen
UNWIND all_docs AS doc
WITH a, b, rs, evidence, all_sentences, last_seen, collect(DISTINCT doc) AS docs
OPTIONAL MATCH (s:Sentence) WHERE s.id IN all_sentences
WITH a, b, rs, evidence, docs, last_seen, s
ORDER BY s.doc_id DESC, s.index DESC
WITH a, b, rs, evidence, docs, last_seen, collect(s.text)[0] AS latest_sentence
RETURN a.id AS a_id, a.name AS actor_a, b.id AS b_id, b.name AS actor_b,
       [r IN rs | type(r)] AS types, evidence, size(docs) AS documents,
       CASE WHEN last_seen = '' THEN null ELSE last_seen END AS last_seen, latest_sentence
ORDER BY evidence DESC, documents DESC, actor_a, actor_b
LIMIT $limit
