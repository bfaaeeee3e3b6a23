//go:build unix

// Command fsfloor measures what a file system costs the linked-data site
// before any page is rendered: it creates the site's layout, a directory
// and four files per document, with the same system calls the site
// writer makes (mkdir, then open, write and close per file), on as many
// writers, and prints the wall time. docs/benchmarks.md compares it with
// civicnet site.
//
//	go run ./bench/fsfloor -n 260029 -o /dev/shm/floor
//
// The output directory must not exist; fsfloor leaves what it wrote.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"syscall"
	"time"
)

func main() {
	n := flag.Int("n", 260029, "documents (the site of 1e5 synthetic records has 260,029)")
	out := flag.String("o", "", "output directory, which must not exist")
	size := flag.Int("size", 3000, "bytes in each file")
	layout := flag.String("layout", "site", `"site": a directory with index.html and {id}.ttl, .nt, .jsonld beside it; "flat": the four files, no directory`)
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "writers")
	flag.Parse()
	if *out == "" || (*layout != "site" && *layout != "flat") {
		flag.Usage()
		os.Exit(2)
	}
	if err := os.Mkdir(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, "fsfloor:", err)
		os.Exit(1)
	}
	data := make([]byte, *size)
	start := time.Now()
	ids := make(chan int, 64)
	errs := make(chan error, *workers)
	var wg sync.WaitGroup
	for range *workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range ids {
				if err := writeDoc(*out, *layout, i, data); err != nil {
					errs <- err
					for range ids {
					}
					return
				}
			}
		}()
	}
	for i := range *n {
		ids <- i
	}
	close(ids)
	wg.Wait()
	select {
	case err := <-errs:
		fmt.Fprintln(os.Stderr, "fsfloor:", err)
		os.Exit(1)
	default:
	}
	d := time.Since(start)
	files := 4 * *n
	fmt.Printf("%d documents (%d files", *n, files)
	if *layout == "site" {
		fmt.Printf(", %d directories", *n)
	}
	fmt.Printf(") in %.2f s: %.0f files/s\n", d.Seconds(), float64(files)/d.Seconds())
}

// writeDoc writes the files of document i; its name is spread like a
// UUID's, so that names do not arrive in directory order.
func writeDoc(root, layout string, i int, data []byte) error {
	id := fmt.Sprintf("%08x-0000-5000-8000-%012x", uint32(i*2654435761), i)
	page := filepath.Join(root, id+".html")
	if layout == "site" {
		dir := filepath.Join(root, id)
		if err := syscall.Mkdir(dir, 0o755); err != nil {
			return &os.PathError{Op: "mkdir", Path: dir, Err: err}
		}
		page = filepath.Join(dir, "index.html")
	}
	for _, p := range []string{page, filepath.Join(root, id+".ttl"), filepath.Join(root, id+".nt"), filepath.Join(root, id+".jsonld")} {
		if err := writeNew(p, data); err != nil {
			return err
		}
	}
	return nil
}

func writeNew(p string, data []byte) error {
	fd, err := syscall.Open(p, syscall.O_WRONLY|syscall.O_CREAT|syscall.O_EXCL|syscall.O_CLOEXEC, 0o644)
	if err != nil {
		return &os.PathError{Op: "open", Path: p, Err: err}
	}
	for len(data) > 0 {
		k, err := syscall.Write(fd, data)
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			syscall.Close(fd)
			return &os.PathError{Op: "write", Path: p, Err: err}
		}
		data = data[k:]
	}
	if err := syscall.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: p, Err: err}
	}
	return nil
}
