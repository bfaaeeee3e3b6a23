package export

import (
	"io"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/knakk/rdf"
	"golang.org/x/text/language"

	"github.com/civicnet/civicnet/model"
)

// CatalogFile is the name of the DCAT catalogue in a dump.
const CatalogFile = "catalog.ttl"

// defaultLicense is the licence of a dataset whose civicnet.yaml names
// none (SPEC 2.8).
const defaultLicense = "CC-BY-4.0"

// EU Vocabularies authority tables (DCAT-AP 3 controlled vocabularies).
const (
	euLanguage = "http://publications.europa.eu/resource/authority/language/"
	euCountry  = "http://publications.europa.eu/resource/authority/country/"
	euFileType = "http://publications.europa.eu/resource/authority/file-type/"
	euLicence  = "http://publications.europa.eu/resource/authority/licence/"
	ianaMedia  = "https://www.iana.org/assignments/media-types/"
	spdxList   = "http://spdx.org/licenses/"
)

// WriteCatalog writes the DCAT-AP 3 catalogue of a dump of ds (SPEC 4.4)
// as Turtle: the catalogue, the dataset (also a void:Dataset, with its
// triple, entity and class counts), and one distribution per file in
// files, with its download URL under the dataset's dump_url, media type,
// size, SHA-256 checksum, licence and the standard it conforms to. Every
// object is typed, so that the DCAT-AP SHACL shapes pass without
// inference.
//
// Dates come from civicnet.yaml (issued, modified) and the records, never
// from the clock: the same records give the same catalogue.
func WriteCatalog(w io.Writer, ds *model.Dataset, files []DumpFile) error {
	stats, err := countVoID(ds)
	if err != nil {
		return err
	}
	ts, err := catalogTriples(ds, files, stats)
	if err != nil {
		return err
	}
	return WriteTurtleGraph(w, ts)
}

// countVoID counts the triples, the subjects and the instances of each
// class of the RDF the mapping makes of ds.
func countVoID(ds *model.Dataset) (voidStats, error) {
	st := voidStats{classes: map[string]int{}}
	m, err := NewMapper(ds)
	if err != nil {
		return st, err
	}
	err = m.EachSubject(func(s rdf.Subject, ts []rdf.Triple) error {
		st.entities++
		st.triples += len(ts)
		for _, t := range ts {
			if t.Pred.String() != NSRDF+"type" {
				break // rdf:type comes first
			}
			st.classes[t.Obj.String()]++
		}
		return nil
	})
	return st, err
}

// voidStats are the VoID statistics of the RDF of a dataset.
type voidStats struct {
	triples  int
	entities int
	classes  map[string]int // class IRI → instances
}

// catalogIRIs are the IRIs the catalogue gives its nodes: under the base,
// the catalogue and the dataset, and hash IRIs on the dataset for what
// belongs to it.
type catalogIRIs struct {
	base, dumpURL string
}

func (c catalogIRIs) catalog() string             { return c.base + "catalog" }
func (c catalogIRIs) dataset() string             { return c.base + "dataset" }
func (c catalogIRIs) part(fragment string) string { return c.dataset() + "#" + fragment }

// fileFragment turns a dump path into a fragment: csv/regions.csv →
// csv-regions.csv.
func fileFragment(p string) string { return strings.ReplaceAll(p, "/", "-") }

func catalogTriples(ds *model.Dataset, files []DumpFile, stats voidStats) ([]rdf.Triple, error) {
	info := ds.Info
	iris := catalogIRIs{base: info.Base, dumpURL: dumpURL(info)}
	lang := info.Language
	g := &graphBuilder{}
	a := func(s rdf.Subject, class string) { g.add(s, NSRDF+"type", g.iri(class)) }

	catalog := g.iri(iris.catalog())
	dataset := g.iri(iris.dataset())
	title := g.text(datasetTitle(ds), lang)
	desc := g.text(datasetDescription(ds), lang)
	license := g.iri(licenseIRI(datasetLicense(ds)))

	a(catalog, NSDCAT+"Catalog")
	g.add(catalog, NSDCTerms+"title", title)
	g.add(catalog, NSDCTerms+"description", desc)
	g.add(catalog, NSDCAT+"dataset", dataset)
	g.add(catalog, NSDCTerms+"license", license)
	a(license, NSDCTerms+"LicenseDocument")

	if name, iri := publisher(ds, iris); name != "" {
		p := g.iri(iri)
		a(p, NSFOAF+"Agent")
		g.add(p, NSFOAF+"name", g.text(name, lang))
		g.add(catalog, NSDCTerms+"publisher", p)
		g.add(dataset, NSDCTerms+"publisher", p)
	}

	a(dataset, NSDCAT+"Dataset")
	a(dataset, NSVOID+"Dataset")
	g.add(dataset, NSDCTerms+"title", title)
	g.add(dataset, NSDCTerms+"description", desc)
	for _, l := range datasetLanguages(ds) {
		li := g.iri(euLanguage + l)
		a(li, NSDCTerms+"LinguisticSystem")
		g.add(catalog, NSDCTerms+"language", li)
		g.add(dataset, NSDCTerms+"language", li)
	}
	for _, c := range datasetCountries(ds) {
		ci := g.iri(euCountry + c)
		a(ci, NSDCTerms+"Location")
		g.add(dataset, NSDCTerms+"spatial", ci)
	}
	if start, end, ok := temporalCoverage(ds); ok {
		t := g.iri(iris.part("temporal"))
		a(t, NSDCTerms+"PeriodOfTime")
		g.add(dataset, NSDCTerms+"temporal", t)
		if !start.IsZero() {
			g.add(t, NSDCAT+"startDate", g.date(start))
		}
		if !end.IsZero() {
			g.add(t, NSDCAT+"endDate", g.date(end))
		}
	}
	for _, k := range info.Keywords {
		g.add(dataset, NSDCAT+"keyword", g.text(k, lang))
	}
	if info.Contact != "" {
		c := g.iri(iris.part("contact"))
		a(c, NSVCard+"Kind")
		g.add(c, NSVCard+"hasEmail", g.iri("mailto:"+escapeIRI(info.Contact)))
		if name, _ := publisher(ds, iris); name != "" {
			g.add(c, NSVCard+"fn", g.text(name, lang))
		}
		g.add(dataset, NSDCAT+"contactPoint", c)
	}
	for _, d := range []struct {
		pred string
		date model.Date
	}{{"issued", info.Issued}, {"modified", info.Modified}} {
		if !d.date.IsZero() {
			g.add(catalog, NSDCTerms+d.pred, g.date(d.date))
			g.add(dataset, NSDCTerms+d.pred, g.date(d.date))
		}
	}

	// VoID.
	g.add(dataset, NSVOID+"triples", g.integer(stats.triples))
	g.add(dataset, NSVOID+"entities", g.integer(stats.entities))
	g.add(dataset, NSVOID+"classes", g.integer(len(stats.classes)))
	g.add(dataset, NSVOID+"uriSpace", g.plain(info.Base))
	classes := make([]string, 0, len(stats.classes))
	for c := range stats.classes {
		classes = append(classes, c)
	}
	slices.Sort(classes)
	for _, c := range classes {
		part := g.iri(iris.part("class-" + curieName(c)))
		a(part, NSVOID+"Dataset")
		g.add(dataset, NSVOID+"classPartition", part)
		g.add(part, NSVOID+"class", g.iri(c))
		g.add(part, NSVOID+"entities", g.integer(stats.classes[c]))
	}

	// One distribution per file.
	has := map[string]bool{}
	for _, f := range files {
		has[f.Path] = true
	}
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b DumpFile) int { return strings.Compare(a.Path, b.Path) })
	for _, f := range sorted {
		if f.Path == CatalogFile {
			continue
		}
		kind := describeFile(f.Path)
		dist := g.iri(iris.part("distribution-" + fileFragment(f.Path)))
		url := g.iri(iris.dumpURL + f.Path)
		a(dist, NSDCAT+"Distribution")
		g.add(dataset, NSDCAT+"distribution", dist)
		g.add(dist, NSDCTerms+"title", g.plain(f.Path))
		g.add(dist, NSDCTerms+"description", g.text(kind.description, "en"))
		g.add(dist, NSDCAT+"accessURL", url)
		g.add(dist, NSDCAT+"downloadURL", url)
		mt := g.iri(ianaMedia + kind.mediaType)
		a(mt, NSDCTerms+"MediaType")
		g.add(dist, NSDCAT+"mediaType", mt)
		ft := g.iri(euFileType + kind.fileType)
		a(ft, NSDCTerms+"MediaTypeOrExtent")
		g.add(dist, NSDCTerms+"format", ft)
		g.add(dist, NSDCAT+"byteSize", g.typed(strconv.FormatInt(f.Size, 10), NSXSD+"nonNegativeInteger"))
		sum := g.iri(iris.part("checksum-" + fileFragment(f.Path)))
		a(sum, NSSPDX+"Checksum")
		g.add(sum, NSSPDX+"algorithm", g.iri(NSSPDX+"checksumAlgorithm_sha256"))
		g.add(sum, NSSPDX+"checksumValue", g.typed(strings.ToLower(f.SHA256), NSXSD+"hexBinary"))
		g.add(dist, NSSPDX+"checksum", sum)
		g.add(dist, NSDCTerms+"license", license)
		for _, std := range kind.conformsTo(iris.dumpURL, has) {
			s := g.iri(std)
			a(s, NSDCTerms+"Standard")
			g.add(dist, NSDCTerms+"conformsTo", s)
		}
		if kind.rdf {
			g.add(dataset, NSVOID+"dataDump", url)
		}
	}
	return g.triples, g.err
}

// fileKind is what the catalogue says of a kind of dump file.
type fileKind struct {
	description string
	mediaType   string // IANA media type
	fileType    string // EU file-type authority code
	rdf         bool   // a serialisation of the dataset (void:dataDump)
	// standards lists what the file conforms to: absolute IRIs, or
	// paths of the dump that count only when the dump has them.
	standards []string
}

func (k fileKind) conformsTo(dumpURL string, has map[string]bool) []string {
	var out []string
	for _, s := range k.standards {
		switch {
		case strings.Contains(s, "://"):
			out = append(out, s)
		case has[s]:
			out = append(out, dumpURL+s)
		}
	}
	return out
}

const (
	shaclSpec     = "https://www.w3.org/TR/shacl/"
	jsonldSpec    = "https://www.w3.org/TR/json-ld11/"
	csvwSpec      = "https://www.w3.org/TR/tabular-metadata/"
	jsonSchemaSpc = "http://json-schema.org/draft-07/schema#"
)

func describeFile(p string) fileKind {
	csvMeta := path.Join(csvDir, CSVMetadataFile)
	switch {
	case p == "dataset.ttl":
		return fileKind{"The dataset in Turtle.", "text/turtle", "RDF_TURTLE", true, []string{ShapesFile}}
	case p == "dataset.nt":
		return fileKind{"The dataset in N-Triples.", "application/n-triples", "RDF_N_TRIPLES", true, []string{ShapesFile}}
	case p == "dataset.jsonld":
		return fileKind{"The dataset in JSON-LD, compacted against context.jsonld.", "application/ld+json", "JSON_LD", true,
			[]string{ShapesFile}}
	case p == "context.jsonld":
		return fileKind{"The JSON-LD context of dataset.jsonld.", "application/ld+json", "JSON_LD", false, []string{jsonldSpec}}
	case p == csvMeta:
		return fileKind{"CSV on the Web metadata describing the CSV tables.", "application/csvm+json", "JSON", false,
			[]string{csvwSpec}}
	case strings.HasPrefix(p, csvDir+"/") && strings.HasSuffix(p, ".csv"):
		name := strings.TrimSuffix(path.Base(p), ".csv")
		about := name
		if i := slices.IndexFunc(csvTables, func(t csvTableSpec) bool { return t.name == name }); i >= 0 {
			about = csvTables[i].about
		}
		return fileKind{"CSV table of " + about + ".", "text/csv", "CSV", false, []string{csvMeta}}
	case p == ShapesFile:
		return fileKind{"SHACL shapes the dataset conforms to.", "text/turtle", "RDF_TURTLE", false, []string{shaclSpec}}
	case p == RecordSchemaFile:
		return fileKind{"JSON Schema of the record format the dataset is written in.", "application/json", "JSON", false,
			[]string{jsonSchemaSpc}}
	case strings.HasSuffix(p, ".ttl"):
		return fileKind{"Turtle.", "text/turtle", "RDF_TURTLE", false, nil}
	}
	return fileKind{"A file of the dump.", "application/octet-stream", "BIN", false, nil}
}

// dumpURL is where the dump is published, ending with "/".
func dumpURL(info model.DatasetInfo) string {
	u := info.DumpURL
	if u == "" {
		u = info.Base + "dump/"
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return escapeIRI(u)
}

func datasetLicense(ds *model.Dataset) string {
	if ds.Info.License != "" {
		return ds.Info.License
	}
	return defaultLicense
}

func datasetTitle(ds *model.Dataset) string {
	if ds.Info.Title != "" {
		return ds.Info.Title
	}
	return "civicnet records"
}

func datasetDescription(ds *model.Dataset) string {
	if ds.Info.Description != "" {
		return ds.Info.Description
	}
	return "Records of networks of local and regional authorities, their members, projects and events, exported by civicnet."
}

// publisher returns the publisher's name and IRI: the record's IRI and
// name when civicnet.yaml names a record, else a node of the catalogue
// named as written. The name is "" when there is no publisher.
func publisher(ds *model.Dataset, iris catalogIRIs) (name, iri string) {
	p := ds.Info.Publisher
	if p == "" {
		return "", ""
	}
	if r := ds.Lookup(p); r != nil && !r.Base().Name.IsZero() {
		return r.Base().Name.Best(ds.Info.Language), iris.base + pathRecords + p
	}
	return p, iris.part("publisher")
}

// licenseIRI is the IRI of a licence written as an SPDX id or a URL.
// DCAT-AP 3 recommends the EU Vocabularies licence authority table, so a
// licence it lists gets its IRI there (CC-BY-4.0 → …/licence/CC_BY_4_0);
// another SPDX id gets its SPDX licence list IRI; a URL is kept.
func licenseIRI(l string) string {
	if strings.Contains(l, ":") {
		return l
	}
	if code := euLicenceCode(l); code != "" {
		return euLicence + code
	}
	return spdxList + l
}

// euLicenceCode maps an SPDX id to its code in the EU licence table, or
// "".
func euLicenceCode(spdx string) string {
	switch spdx {
	case "CC0-1.0":
		return "CC0"
	case "ODbL-1.0":
		return "ODC_BL"
	case "ODC-By-1.0":
		return "ODC_BY"
	case "PDDL-1.0":
		return "ODC_PDDL"
	case "OGL-UK-3.0":
		return "OGL_3_0"
	}
	// Creative Commons: CC-BY-NC-SA-4.0 → CC_BYNCSA_4_0, for the
	// unported and international versions the table lists.
	rest, ok := strings.CutPrefix(spdx, "CC-")
	if !ok {
		return ""
	}
	i := strings.LastIndexByte(rest, '-')
	if i < 0 {
		return ""
	}
	elements, version := rest[:i], rest[i+1:]
	switch version {
	case "1.0", "2.0", "2.5", "3.0", "4.0":
	default:
		return ""
	}
	switch elements {
	case "BY", "BY-SA", "BY-NC", "BY-ND", "BY-NC-SA", "BY-NC-ND":
		return "CC_" + strings.ReplaceAll(elements, "-", "") + "_" + strings.ReplaceAll(version, ".", "_")
	}
	return ""
}

// datasetLanguages are the EU language codes of the dataset language and
// of every language tag in the records' texts, sorted.
func datasetLanguages(ds *model.Dataset) []string {
	tags := map[string]bool{}
	if ds.Info.Language != "" {
		tags[ds.Info.Language] = true
	}
	for _, r := range ds.Records {
		c := r.Base()
		for _, t := range append([]model.Text{c.Name, c.Description}, c.AltNames...) {
			for _, ls := range t {
				if ls.Lang != "" {
					tags[ls.Lang] = true
				}
			}
		}
	}
	var codes []string
	for tag := range tags {
		if code := euLanguageCode(tag); code != "" && !slices.Contains(codes, code) {
			codes = append(codes, code)
		}
	}
	slices.Sort(codes)
	return codes
}

// euLanguageCode is the code of a BCP 47 tag's language in the EU
// language table, which uses ISO 639-3 codes in upper case: en → ENG.
func euLanguageCode(tag string) string {
	t, err := language.Parse(tag)
	if err != nil {
		return ""
	}
	base, conf := t.Base()
	if conf == language.No {
		return ""
	}
	return strings.ToUpper(base.ISO3())
}

// datasetCountries are the EU (ISO 3166-1 alpha-3) codes of the countries
// of the records, sorted.
func datasetCountries(ds *model.Dataset) []string {
	var codes []string
	for _, r := range ds.Records {
		var c string
		switch r := r.(type) {
		case *model.Region:
			c = r.Country
		case *model.Organization:
			c = r.Country
		case *model.Place:
			c = r.Country
		}
		if a3 := model.CountryAlpha3(c); a3 != "" && !slices.Contains(codes, a3) {
			codes = append(codes, a3)
		}
	}
	slices.Sort(codes)
	return codes
}

// temporalCoverage is the period the records cover: the earliest start
// and the latest end of every membership, project and event period. The
// end is zero when some period is ongoing; ok is false when no record has
// a dated start or end.
func temporalCoverage(ds *model.Dataset) (start, end model.Date, ok bool) {
	ongoing := false
	for _, r := range ds.Records {
		var iv model.Interval
		switch r := r.(type) {
		case *model.Membership:
			iv = r.During
		case *model.Project:
			iv = r.During
		case *model.Event:
			iv = r.Date
		default:
			continue
		}
		if iv.Ongoing() {
			ongoing = true
		}
		if iv.StartBound == model.BoundDate && (start.IsZero() || iv.Start.First().Before(start.First())) {
			start = iv.Start
		}
		if iv.EndBound == model.BoundDate && (end.IsZero() || iv.End.Last().After(end.Last())) {
			end = iv.End
		}
	}
	if ongoing {
		end = model.Date{}
	}
	return start, end, !start.IsZero() || !end.IsZero()
}
