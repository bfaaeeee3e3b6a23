package rdf

import (
	"runtime"

	"github.com/civicnet/civicnet/model"
)

// An Encoder appends the serialisation of nodes to a buffer: one per
// goroutine of [Mapper.Render], so it may keep scratch state.
type Encoder interface {
	AppendNode(b []byte, n *Node) ([]byte, error)
}

// A ChunkFinisher is an Encoder that also transforms each chunk it
// encoded, in the goroutine that encoded it, before the chunk is
// written: a compressing sink compresses its chunks in parallel this
// way. FinishChunk appends the transformed chunk to dst.
type ChunkFinisher interface {
	FinishChunk(dst, chunk []byte) ([]byte, error)
}

// A Sink is an output of [Mapper.Render]: the writers of the ntriples,
// turtle and jsonld packages are sinks, so that one pass of the mapping,
// which costs more than any one serialisation, feeds several formats.
type Sink interface {
	// Begin is called once before the first node of m, for a header.
	Begin(m *Mapper) error
	// NewEncoder returns an encoder for one goroutine of the render.
	NewEncoder(m *Mapper) Encoder
	// WriteChunk writes the bytes the sink's encoders appended for a run
	// of whole nodes; chunks arrive in subject order.
	WriteChunk(p []byte) error
	// End is called once after the last node; it is not called when the
	// render failed.
	End(m *Mapper) error
}

// Stats are the VoID statistics of a graph: what the catalogue says of
// the dataset, counted while it is written rather than by mapping it a
// second time.
type Stats struct {
	Triples  int
	Entities int // subjects
	// Classes counts the instances of each class, by [Term.Index]; a
	// class no instance has counts 0.
	Classes []int
	// Predicates counts the triples of each predicate, by [Term.Index].
	Predicates []int
}

// Vocabularies returns the namespaces of the classes and predicates the
// graph uses, in the order of [Prefixes]: what VoID's void:vocabulary
// lists.
func (s Stats) Vocabularies() []string {
	used := map[string]bool{}
	for i, t := range terms {
		if i < len(s.Classes) && s.Classes[i] > 0 || i < len(s.Predicates) && s.Predicates[i] > 0 {
			used[t.prefix] = true
		}
	}
	var out []string
	for _, p := range prefixes {
		if used[p.Name] {
			out = append(out, p.Namespace)
		}
	}
	return out
}

// ClassCount returns the number of instances of class.
func (s Stats) ClassCount(class *Term) int {
	if class.index < len(s.Classes) {
		return s.Classes[class.index]
	}
	return 0
}

func newStats() Stats {
	return Stats{Classes: make([]int, len(terms)), Predicates: make([]int, len(terms))}
}

func (s *Stats) add(o Stats) {
	s.Triples += o.Triples
	s.Entities += o.Entities
	for i, n := range o.Classes {
		s.Classes[i] += n
	}
	for i, n := range o.Predicates {
		s.Predicates[i] += n
	}
}

func (s *Stats) count(n *Node) {
	s.Entities++
	s.Triples += len(n.ts)
	for i := range n.ts {
		t := &n.ts[i]
		s.Predicates[t.pred.index]++
		if t.pred == RDF.Type && t.kind == ObjectTerm {
			s.Classes[t.term.index]++
		}
	}
}

// Write maps ds and renders it into sinks: what a writer's Write(ds)
// does.
func Write(ds *model.Dataset, sinks ...Sink) (Stats, error) {
	m, err := NewMapper(ds)
	if err != nil {
		return Stats{}, err
	}
	return m.Render(sinks...)
}

// chunkUnits is about how many units one job of Render maps: enough to
// make a job worth handing over, few enough to keep the bytes in flight
// small.
const chunkUnits = 512

// chunkBytes is the starting capacity of a chunk's buffer, about what 512
// units of N-Triples take, so that buffers rarely grow.
const chunkBytes = 1 << 20

// Render maps the graph on every available CPU and writes it to each
// sink in subject order: the same bytes a single goroutine would write.
// The units are cut into chunks of whole subjects; each worker maps a
// chunk with its own emitter and encoders, and the chunks are written in
// order as they complete. At most a few chunks per worker are in flight,
// so memory stays bounded whatever the size of the output. Render
// returns the graph's VoID statistics.
func (m *Mapper) Render(sinks ...Sink) (Stats, error) {
	total := newStats()
	for _, s := range sinks {
		if err := s.Begin(m); err != nil {
			return total, err
		}
	}
	bounds := m.chunkBounds(chunkUnits)
	workers := max(1, min(runtime.GOMAXPROCS(0), len(bounds)-1))
	type result struct {
		bufs  [][]byte
		stats Stats
		err   error
	}
	type job struct {
		lo, hi int
		res    chan result
	}
	jobs := make(chan job)
	free := make(chan [][]byte, 4*workers)
	for range workers {
		go func() {
			e := newEmitter(m)
			encs := make([]Encoder, len(sinks))
			// A finisher's encoder writes into raw, a buffer the worker
			// keeps, and its finished chunk goes into bufs.
			fins := make([]ChunkFinisher, len(sinks))
			raw := make([][]byte, len(sinks))
			for k, s := range sinks {
				encs[k] = s.NewEncoder(m)
				if f, ok := encs[k].(ChunkFinisher); ok {
					fins[k], raw[k] = f, make([]byte, 0, chunkBytes)
				}
			}
			for j := range jobs {
				var bufs [][]byte
				select {
				case bufs = <-free:
				default:
					bufs = make([][]byte, len(sinks))
					for k := range bufs {
						bufs[k] = make([]byte, 0, chunkBytes)
					}
				}
				for k := range bufs {
					bufs[k], raw[k] = bufs[k][:0], raw[k][:0]
				}
				st := newStats()
				err := e.run(j.lo, j.hi, func(n *Node) error {
					st.count(n)
					for k, enc := range encs {
						dst := &bufs[k]
						if fins[k] != nil {
							dst = &raw[k]
						}
						b, err := enc.AppendNode(*dst, n)
						*dst = b
						if err != nil {
							return err
						}
					}
					return nil
				})
				for k, f := range fins {
					if f != nil && err == nil {
						bufs[k], err = f.FinishChunk(bufs[k], raw[k])
					}
				}
				j.res <- result{bufs, st, err}
			}
		}()
	}
	var pending []chan result
	var firstErr error
	// drain writes the oldest chunk in flight.
	drain := func() {
		r := <-pending[0]
		pending = pending[1:]
		if firstErr == nil {
			firstErr = r.err
		}
		total.add(r.stats)
		for k, s := range sinks {
			if firstErr == nil {
				firstErr = s.WriteChunk(r.bufs[k])
			}
		}
		select {
		case free <- r.bufs:
		default:
		}
	}
	for c := 0; c+1 < len(bounds) && firstErr == nil; c++ {
		res := make(chan result, 1)
		jobs <- job{bounds[c], bounds[c+1], res}
		pending = append(pending, res)
		if len(pending) >= 2*workers {
			drain()
		}
	}
	close(jobs)
	for len(pending) > 0 {
		drain()
	}
	if firstErr != nil {
		return total, firstErr
	}
	for _, s := range sinks {
		if err := s.End(m); err != nil {
			return total, err
		}
	}
	return total, nil
}

// chunkBounds cuts the units into chunks of about size units, at group
// boundaries; chunk c is units bounds[c] to bounds[c+1]-1.
func (m *Mapper) chunkBounds(size int) []int {
	bounds := []int{0}
	for i := size; i < len(m.units); i++ {
		if !m.sameGroup(i-1, i) {
			bounds = append(bounds, i)
			i += size - 1
		}
	}
	return append(bounds, len(m.units))
}
