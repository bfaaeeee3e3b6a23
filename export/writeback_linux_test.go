package export

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The writer hands each full range of writebackEvery bytes to the
// kernel's writeback as it goes, and the file holds exactly what was
// written.
func TestWritebackStartsWritingAsItGoes(t *testing.T) {
	f, err := os.Create(filepath.Join(t.TempDir(), "big.nt"))
	require.NoError(t, err)
	defer f.Close()
	w := writeback(f)
	chunk := bytes.Repeat([]byte("<a> <b> <c> .\n"), 1<<16) // 896 KiB
	var want int64
	for want < 2*writebackEvery+int64(2*len(chunk)) {
		n, err := w.Write(chunk)
		require.NoError(t, err)
		want += int64(n)
	}
	assert.False(t, w.disabled, "sync_file_range failed on a regular file")
	assert.Equal(t, want, w.off)
	assert.GreaterOrEqual(t, w.flushed, int64(2*writebackEvery))
	assert.Less(t, w.off-w.flushed, int64(writebackEvery))
	require.NoError(t, f.Sync())
	info, err := f.Stat()
	require.NoError(t, err)
	assert.Equal(t, want, info.Size())
	_, err = f.Seek(0, io.SeekStart)
	require.NoError(t, err)
	got, err := io.ReadAll(f)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(bytes.Repeat(chunk, int(want)/len(chunk)), got), "the file differs from what was written")
}

// Where the kernel refuses (a pipe), the writer stops asking and writes
// on.
func TestWritebackWritesOnWhereRefused(t *testing.T) {
	r, pw, err := os.Pipe()
	require.NoError(t, err)
	done := make(chan int64)
	go func() {
		n, _ := io.Copy(io.Discard, r)
		done <- n
	}()
	w := writeback(pw)
	chunk := make([]byte, 1<<20)
	for range writebackEvery/len(chunk) + 2 {
		_, err := w.Write(chunk)
		require.NoError(t, err)
	}
	require.NoError(t, pw.Close())
	assert.True(t, w.disabled)
	assert.Equal(t, int64(writebackEvery+2<<20), <-done)
}
