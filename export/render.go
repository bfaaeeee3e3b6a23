package export

import (
	"runtime"
)

// renderFunc appends the serialisation of the subject n, which e has
// built, to b.
type renderFunc func(b []byte, e *emitter, n *node) ([]byte, error)

// chunkUnits is about how many units one job of render maps: enough to
// make a job worth handing over, few enough to keep the bytes in flight
// small.
const chunkUnits = 512

// chunkBytes is the starting capacity of a chunk's buffer, about what 512
// units of N-Triples take, so that buffers rarely grow.
const chunkBytes = 1 << 20

// render maps m on every available CPU and writes the serialisation to
// outs in subject order, the same bytes a single goroutine would write.
// The units are cut into chunks of whole groups; each worker maps a chunk
// with its own emitter and renders each subject with its own renderers
// (newRenderers gives one per output), and the chunks are written in
// order as they complete. At most a few chunks per worker are in flight,
// so memory stays bounded whatever the size of the output.
func (m *Mapper) render(newRenderers func() []renderFunc, outs []*outBuffer) error {
	bounds := m.chunkBounds(chunkUnits)
	workers := min(runtime.GOMAXPROCS(0), len(bounds)-1)
	if workers <= 1 {
		return m.renderChunk(newEmitter(m), newRenderers(), 0, len(m.units), outs)
	}
	type result struct {
		bufs [][]byte
		err  error
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
			rs := newRenderers()
			for j := range jobs {
				var bufs [][]byte
				select {
				case bufs = <-free:
				default:
					bufs = make([][]byte, len(outs))
					for k := range bufs {
						bufs[k] = make([]byte, 0, chunkBytes)
					}
				}
				for k := range bufs {
					bufs[k] = bufs[k][:0]
				}
				err := e.run(j.lo, j.hi, func(n *node) error {
					for k, r := range rs {
						b, err := r(bufs[k], e, n)
						bufs[k] = b
						if err != nil {
							return err
						}
					}
					return nil
				})
				j.res <- result{bufs, err}
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
		for k, o := range outs {
			if firstErr == nil {
				firstErr = o.write(r.bufs[k])
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
	return firstErr
}

func (m *Mapper) renderChunk(e *emitter, rs []renderFunc, lo, hi int, outs []*outBuffer) error {
	return e.run(lo, hi, func(n *node) error {
		for k, r := range rs {
			b, err := r(outs[k].buf, e, n)
			outs[k].buf = b
			if err != nil {
				return err
			}
		}
		for _, o := range outs {
			if err := o.maybeFlush(); err != nil {
				return err
			}
		}
		return nil
	})
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
