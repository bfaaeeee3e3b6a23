package validate

import (
	"testing"

	"github.com/civicnet/civicnet/model/recordfile"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestChunksGiveTheSameReport checks that splitting the record rules
// across goroutines changes nothing: the bad corpus, loaded as one record
// set, gets the same diagnostics in the same order from one chunk as from
// two, three or seven.
func TestChunksGiveTheSameReport(t *testing.T) {
	ds, problems := recordfile.LoadFiles([]string{"testdata/bad"}, recordfile.Options{})
	run := func(chunks int) Diagnostics {
		oldMin, oldMax := minChunk, maxChunks
		defer func() { minChunk, maxChunks = oldMin, oldMax }()
		minChunk, maxChunks = 1, func() int { return chunks }
		return Validate(ds, problems)
	}
	want := run(1)
	codes := map[string]bool{}
	for _, d := range want {
		codes[d.Code] = true
	}
	// Both kinds of rule must have something to say, or the comparison
	// proves nothing.
	for _, c := range []string{"dangling-ref", "duplicate-membership", "duplicate-id", "bad-date", "no-sources", "unit-cycle"} {
		require.True(t, codes[c], "the corpus gives no %s; pick another code", c)
	}
	for _, n := range []int{2, 3, 7} {
		assert.Equal(t, want, run(n), "%d chunks", n)
	}
}
