package main

import (
	"context"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/civicnet/civicnet/export"
	"github.com/civicnet/civicnet/export/site"
)

const siteUsage = `Usage: civicnet site [-o DIR] [--base IRI] [--quiet] [PATH...]

Validates records and, when they hold no errors, writes them into DIR as
a static linked-data site: for every record {base}id/{id} a page
(id/{id}/index.html, which static hosts serve at {base}id/{id}/) and its
triples (id/{id}.ttl, .nt, .jsonld); pages for the concept schemes, the
dataset and an index with a timeline and an offline search; the whole
dump (dataset.ttl, dataset.nt, …) it links; and the rules that answer
each IRI with HTML or RDF by the Accept header on Apache (.htaccess) and
nginx (nginx.conf). Publish DIR at the base IRI; "civicnet serve DIR"
previews it. The same records always give the same bytes.

The site is written into a temporary directory beside DIR, then renamed
into place: a failed site leaves the previous one as it was. An
existing DIR is replaced only if it holds nothing but a site.

PATH is a record file or a directory walked for *.yaml, *.yml and *.json;
it defaults to ".". "-" reads one file from standard input. Records are
validated as by "civicnet export": on any error the diagnostics are
printed on standard error and nothing is written; the first 10 warnings
are printed with the count of the others, unless --quiet.

Options:
  -o, --output DIR   write the site into DIR (default "site")
      --base IRI     base IRI of the records' IRIs, ending in "/"; it
                     overrides base in civicnet.yaml
  -q, --quiet        print no progress, warnings or summary
  -h, --help         show this help

Exit status: 0 site written, 1 invalid records (nothing written), 2 usage
error, 3 a file could not be read or the site written.

Examples:
  civicnet site -o site examples
  civicnet serve site
`

func runSite(e *env) int {
	flags := newFlagSet("site", e)
	out := flags.StringP("output", "o", "site", "output directory")
	base := flags.String("base", "", "base IRI")
	quiet := flags.BoolP("quiet", "q", false, "no progress, warnings or summary")
	if code, done := parseFlags(flags, e, siteUsage); done {
		return code
	}
	paths, ok := outputInputs(e, *out, *base, "site", flags.Args())
	if !ok {
		return exitUsage
	}

	ld, code := loadValid(e, paths, *base, *quiet, true)
	if code != exitOK {
		return code
	}
	setSiteGC()

	opts := export.SiteOptions{Validation: &ld.diags, Mapping: ld.m}
	code = writeOutput(e, *out, "site", *quiet, func(ctx context.Context, progress func(string)) error {
		opts.Progress = progress
		return export.WriteSite(ctx, *out, ld.ds, opts)
	})
	if code != exitOK {
		return code
	}
	if !*quiet {
		e.errorf("wrote %s", *out)
		e.hintf("preview it with \"civicnet serve %s\"", *out)
	}
	return exitOK
}

const serveUsage = `Usage: civicnet serve [--addr HOST:PORT] DIR

Serves the site in DIR (written by "civicnet site") over HTTP, for
preview and small deployments, until interrupted. A record's IRI path
/id/{id} answers 303 See Other to its page /id/{id}/ or, by the Accept
header, to /id/{id}.ttl (text/turtle), /id/{id}.jsonld
(application/ld+json) or /id/{id}.nt (application/n-triples), with
"Vary: Accept"; concept schemes and concepts likewise. The site is
served at the root, whatever the path of its base IRI.

Options:
      --addr HOST:PORT   the address to listen on (default
                         "127.0.0.1:8080"; port 0 picks a free one)
  -h, --help             show this help

Exit status: 0 stopped by a signal, 2 usage error, 3 DIR is no site or
the address cannot be listened on.

Examples:
  civicnet serve site
  curl -L -H 'Accept: text/turtle' http://127.0.0.1:8080/id/efus
`

func runServe(e *env) int {
	flags := newFlagSet("serve", e)
	addr := flags.String("addr", "127.0.0.1:8080", "address to listen on")
	if code, done := parseFlags(flags, e, serveUsage); done {
		return code
	}
	if flags.NArg() != 1 {
		e.errorf("serve needs one DIR, the site to serve (got %d arguments)", flags.NArg())
		e.hintf("write a site with \"civicnet site -o site examples\", then run \"civicnet serve site\"")
		return exitUsage
	}
	dir := flags.Arg(0)
	if st, err := os.Stat(filepath.Join(dir, "index.html")); err != nil || !st.Mode().IsRegular() {
		e.errorf("%s is not a site: it has no index.html", dir)
		e.hintf("write one with \"civicnet site -o %s PATH...\"", dir)
		return exitFailure
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		e.errorf("--addr: %v", err)
		e.hintf("choose another port, such as --addr 127.0.0.1:8081")
		return exitFailure
	}
	srv := &http.Server{Handler: site.NewHandler(os.DirFS(dir)), ReadHeaderTimeout: 10 * time.Second}
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	e.errorf("serving %s at http://%s/ (interrupt to stop)", dir, ln.Addr())
	select {
	case err := <-done:
		e.errorf("serving %s: %v", dir, err)
		return exitFailure
	case <-ctx.Done():
	}
	shutdown, stop := context.WithTimeout(context.Background(), 5*time.Second)
	defer stop()
	_ = srv.Shutdown(shutdown)
	e.errorf("stopped")
	return exitOK
}
