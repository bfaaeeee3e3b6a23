package site_test

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/export/internal/exporttest"
	"github.com/civicnet/civicnet/export/site"
)

// screenshot is the picture of a record page the README shows; the
// browser test rewrites it with -update only.
var screenshot = filepath.Join("..", "..", "docs", "site-record.png")

// browser returns a headless Chromium's context, or skips the test when
// none is installed.
func browser(t *testing.T) context.Context {
	t.Helper()
	var path string
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			path = p
			break
		}
	}
	if path == "" {
		t.Skip("headless Chromium is not installed (Debian package chromium): the browser tests are skipped")
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(1000, 900),
		chromedp.UserDataDir(t.TempDir()),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	ctx, cancelTimeout := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	require.NoError(t, chromedp.Do(ctx), "starting %s", path)
	return ctx
}

// In a real browser: a record's IRI shows its page with its name, the
// page's JSON-LD parses and says only what dataset.nt says, and the
// index's search finds the record by a word of its name.
func TestBrowser(t *testing.T) {
	ctx := browser(t)
	ds := exporttest.Examples(t)
	srv := httptest.NewServer(site.NewHandler(os.DirFS(examples(t))))
	defer srv.Close()

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/id/regione-toscana"),
		chromedp.WaitVisible("h1"),
	))
	url, err := chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	heading, err := chromedp.Run(ctx, chromedp.Text("h1"))
	require.NoError(t, err)
	script, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('script[type="application/ld+json"]').textContent`))
	require.NoError(t, err)
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	assert.Equal(t, srv.URL+"/id/regione-toscana/", url, "the IRI redirects to the page")
	assert.Equal(t, "Tuscany Region", heading)
	got := jsonldKeys(t, []byte(script), ds.Info.Base+"id/regione-toscana/")
	require.NotEmpty(t, got)
	inDataset := map[string]bool{}
	for _, k := range datasetKeys(t, ds) {
		inDataset[k] = true
	}
	for _, k := range got {
		assert.True(t, inDataset[k], "the page's JSON-LD says %s, which dataset.nt does not", k)
	}
	require.True(t, strings.HasPrefix(string(png), "\x89PNG"), "a PNG screenshot")
	if exporttest.Updating() {
		require.NoError(t, os.WriteFile(screenshot, png, 0o644))
	}

	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("q")),
		chromedp.SendKeys(chromedp.ID("q"), "tuscany"),
		chromedp.WaitVisible("#search-results a"),
	))
	results, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("search-results")))
	require.NoError(t, err)
	assert.Contains(t, results, "Tuscany Region")

	// The timeline is drawn without script: an SVG with a title.
	title, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('#timeline svg title').textContent`))
	require.NoError(t, err)
	assert.Contains(t, title, "Timeline")
}
