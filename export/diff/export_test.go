package diff

// WriteNTriples lets tests write a dump's N-Triples the way Triples does.
var WriteNTriples = writeNTriples
