package export

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/knakk/rdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/examples/synth"
	"github.com/civicnet/civicnet/model"
)

// TestParallelRenderIsSequentialOrder checks that rendering chunks on
// several goroutines writes exactly what one pass of EachSubject does,
// on a record set large enough for many chunks (run it with -race).
func TestParallelRenderIsSequentialOrder(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	var src bytes.Buffer
	require.NoError(t, synth.Generate(&src, 0, 3000, synth.Options{Records: 3000, Seed: 7}))
	ds, problems := model.Decode(&src, "synth.yaml", model.Options{Base: "https://data.example.org/synth/"})
	require.Empty(t, problems)
	m, err := NewMapper(ds)
	require.NoError(t, err)
	require.Greater(t, len(m.chunkBounds(chunkUnits)), 5, "several chunks")

	var want []byte
	require.NoError(t, m.EachSubject(func(s rdf.Subject, ts []rdf.Triple) error {
		for _, tr := range ts {
			want, err = appendNTriple(want, tr)
			if err != nil {
				return err
			}
		}
		return nil
	}))
	for range 3 {
		var got bytes.Buffer
		w := NewNTriplesWriter(&got)
		require.NoError(t, w.Write(ds))
		require.NoError(t, w.Close())
		assert.Equal(t, string(want), got.String())
	}
}
