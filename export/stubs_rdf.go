package export

import "errors"

// Placeholders until the RDF writers land; that work deletes this file.

func (d *dump) writeTurtle() error   { return errors.New("ttl is not built yet") }
func (d *dump) writeNTriples() error { return errors.New("nt is not built yet") }
func (d *dump) writeJSONLD() error   { return errors.New("jsonld is not built yet") }
