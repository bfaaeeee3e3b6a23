package export

import (
	"context"
	"io"
	"slices"

	"github.com/civicnet/civicnet/model"
)

// The RDF parts of a dump: dataset.ttl, dataset.nt, and dataset.jsonld
// with the context.jsonld it refers to. Whichever comes first writes all
// those the dump has, from one pass of the mapping, which costs more than
// any one serialisation.

func (d *dump) writeTurtle() error   { return d.writeRDF() }
func (d *dump) writeNTriples() error { return d.writeRDF() }

func (d *dump) writeJSONLD() error {
	if err := d.writeRDF(); err != nil {
		return err
	}
	return d.create(ContextFile, FormatJSONLD, func(w io.Writer) error {
		_, err := w.Write(contextJSON)
		return err
	})
}

// rdfFiles are the RDF files of a dump, in the order they are created.
var rdfFiles = []struct {
	name   string
	format Format
}{
	{"dataset.ttl", FormatTurtle},
	{"dataset.nt", FormatNTriples},
	{"dataset.jsonld", FormatJSONLD},
}

// writeRDF writes every RDF file the dump asks for, unless done already.
func (d *dump) writeRDF() error {
	var files []int
	for i, f := range rdfFiles {
		if d.wants(f.format) {
			if d.written(f.name) {
				return nil
			}
			files = append(files, i)
		}
	}
	ws := make([]io.Writer, len(rdfFiles))
	var open func(k int) error
	open = func(k int) error {
		if k == len(files) {
			return writeRDF(d.ds, ws[0], ws[1], ws[2])
		}
		f := rdfFiles[files[k]]
		return d.create(f.name, f.format, func(w io.Writer) error {
			ws[files[k]] = ctxWriter{d.ctx, w}
			return open(k + 1)
		})
	}
	return open(0)
}

// wants reports whether the dump includes format f.
func (d *dump) wants(f Format) bool {
	if d.opts.Formats == nil {
		return true
	}
	return slices.Contains(d.opts.Formats, f)
}

// written reports whether the file rel is in the dump already.
func (d *dump) written(rel string) bool {
	return slices.ContainsFunc(d.files, func(f DumpFile) bool { return f.Path == rel })
}

// writeRDF writes the graph of ds as Turtle, N-Triples and JSON-LD to
// those of ttl, nt and jsonld that are not nil, from one mapping; the
// bytes are those of TurtleWriter, NTriplesWriter and JSONLDWriter.
func writeRDF(ds *model.Dataset, ttl, nt, jsonld io.Writer) error {
	m, err := NewMapper(ds)
	if err != nil {
		return err
	}
	var outs []*outBuffer
	var renderers []func() renderFunc
	if ttl != nil {
		enc := newDatasetTurtle(m)
		o := &outBuffer{w: ttl}
		o.buf = enc.prefixes.appendHeader(o.buf, enc.prefixes.list)
		outs = append(outs, o)
		renderers = append(renderers, func() renderFunc { return enc.renderBlock })
	}
	if nt != nil {
		outs = append(outs, &outBuffer{w: nt})
		renderers = append(renderers, func() renderFunc { return renderNTriples })
	}
	var jl *outBuffer
	if jsonld != nil {
		jl = &outBuffer{w: jsonld}
		jl.buf = appendJSONLDHeader(jl.buf)
		first := m.firstSubject()
		outs = append(outs, jl)
		renderers = append(renderers, func() renderFunc { return (&jsonldNodes{first: first}).appendNode })
	}
	err = m.render(func() []renderFunc {
		rs := make([]renderFunc, len(renderers))
		for i, r := range renderers {
			rs[i] = r()
		}
		return rs
	}, outs)
	if err != nil {
		return err
	}
	if jl != nil {
		jl.buf = appendJSONLDFooter(jl.buf, len(m.units) > 0)
	}
	for _, o := range outs {
		if err := o.flush(); err != nil {
			return err
		}
	}
	return nil
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
