package export

import (
	"context"
	"io"
)

// The RDF parts of a dump: dataset.ttl, dataset.nt, and dataset.jsonld
// with the context.jsonld it refers to.

func (d *dump) writeTurtle() error {
	return d.create("dataset.ttl", FormatTurtle, func(w io.Writer) error {
		tw := NewTurtleWriter(ctxWriter{d.ctx, w})
		if err := tw.Write(d.ds); err != nil {
			return err
		}
		return tw.Close()
	})
}

func (d *dump) writeNTriples() error {
	return d.create("dataset.nt", FormatNTriples, func(w io.Writer) error {
		nw := NewNTriplesWriter(ctxWriter{d.ctx, w})
		if err := nw.Write(d.ds); err != nil {
			return err
		}
		return nw.Close()
	})
}

func (d *dump) writeJSONLD() error {
	err := d.create("dataset.jsonld", FormatJSONLD, func(w io.Writer) error {
		jw := NewJSONLDWriter(ctxWriter{d.ctx, w})
		if err := jw.Write(d.ds); err != nil {
			return err
		}
		return jw.Close()
	})
	if err != nil {
		return err
	}
	return d.create(ContextFile, FormatJSONLD, func(w io.Writer) error {
		_, err := w.Write(contextJSON)
		return err
	})
}

// ctxWriter stops a long write once ctx is cancelled (an interrupted
// export): the writers flush in chunks, so it is checked often.
type ctxWriter struct {
	ctx context.Context
	w   io.Writer
}

func (c ctxWriter) Write(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.w.Write(p)
}
