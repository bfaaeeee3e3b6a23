package export

import (
	"fmt"
	"strings"
)

// Format names one part of a dump, as --formats lists them.
type Format uint8

// The formats of a dump. The zero Format is invalid on purpose.
const (
	FormatTurtle   Format = iota + 1 // dataset.ttl
	FormatNTriples                   // dataset.nt
	FormatJSONLD                     // dataset.jsonld and context.jsonld
	FormatCSV                        // csv/*.csv and csv/csv-metadata.json
	FormatCatalog                    // catalog.ttl
	FormatShapes                     // shapes.ttl
	FormatSchema                     // records.schema.json
	FormatVocab                      // vocabulary.ttl
	FormatSite                       // the linked-data site: a page and the RDF of every record at its IRI's path
)

var formatNames = [...]string{"", "ttl", "nt", "jsonld", "csv", "catalog", "shapes", "schema", "vocab", "site"}

// AllFormats lists the formats of a dump, in the order a dump writes
// them. The catalogue comes last: it describes the files written before
// it. The site (FormatSite) is not among them: it is written only when
// asked for, after the catalogue, whose files its dataset page lists.
var AllFormats = []Format{FormatTurtle, FormatNTriples, FormatJSONLD, FormatCSV, FormatShapes, FormatSchema, FormatVocab,
	FormatCatalog}

// writeOrder is the order of every format, the site last.
var writeOrder = append(append([]Format(nil), AllFormats...), FormatSite)

// String returns the name --formats uses ("ttl").
func (f Format) String() string {
	if int(f) < len(formatNames) {
		return formatNames[f]
	}
	return fmt.Sprintf("Format(%d)", f)
}

// ParseFormat returns the format named s.
func ParseFormat(s string) (Format, error) {
	for i, n := range formatNames {
		if i > 0 && n == s {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("export: unknown format %q; formats are %s", s, strings.Join(formatNames[1:], ", "))
}

// ParseFormats parses a comma-separated list such as "ttl,nt", in the
// order a dump writes them (AllFormats, then the site) and without
// repeats.
func ParseFormats(list string) ([]Format, error) {
	seen := map[Format]bool{}
	for _, s := range strings.Split(list, ",") {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		f, err := ParseFormat(s)
		if err != nil {
			return nil, err
		}
		seen[f] = true
	}
	if len(seen) == 0 {
		return nil, fmt.Errorf("export: no format given; formats are %s", strings.Join(formatNames[1:], ", "))
	}
	var out []Format
	for _, f := range writeOrder {
		if seen[f] {
			out = append(out, f)
		}
	}
	return out, nil
}
