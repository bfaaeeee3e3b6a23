// Package dcat writes the DCAT-AP 3 catalogue of a dump (SPEC 4.4) as
// Turtle: the catalogue, the dataset (also a void:Dataset, with its
// triple, entity and class counts), and one distribution per file.
//
//	err := dcat.WriteCatalog(f, ds, distributions, stats)
//
// The statistics come from the render that wrote the dataset
// ([rdf.Mapper.Render] returns them), so the catalogue does not map the
// dataset a second time; what each file is comes from the dump's layout.
package dcat

import (
	"io"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/text/language"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/turtle"
	"github.com/civicnet/civicnet/model"
)

// File is the name of the catalogue in a dump.
const File = "catalog.ttl"

// Distribution describes one file of the dump for the catalogue.
type Distribution struct {
	Path        string // slash-separated, relative to the dump
	Size        int64
	SHA256      string // lower-case hex
	Description string // one sentence, in English
	MediaType   string // IANA media type: "text/turtle"
	FileType    string // code in the EU file-type authority table: "RDF_TURTLE"
	// ConformsTo lists the standards the file follows: absolute IRIs.
	ConformsTo []string
	// RDF marks a serialisation of the dataset (a void:dataDump).
	RDF bool
	// CompressFormat is the IANA media type of the compression, for a
	// compressed file ("application/gzip"); "" otherwise.
	CompressFormat string
}

// WriteCatalog writes the catalogue of a dump of ds whose files are
// files (the catalogue itself left out) and whose RDF has the statistics
// stats. Every object is typed, so that the DCAT-AP SHACL shapes pass
// without inference.
//
// Dates come from civicnet.yaml (issued, modified) and the records, never
// from the clock: the same records give the same catalogue.
func WriteCatalog(w io.Writer, ds *model.Dataset, files []Distribution, stats rdf.Stats) error {
	if err := rdf.CheckInfo(&ds.Info); err != nil {
		return err
	}
	return turtle.WriteGraph(w, catalogGraph(ds, files, stats))
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

func catalogGraph(ds *model.Dataset, files []Distribution, stats rdf.Stats) *rdf.Graph {
	info := ds.Info
	iris := catalogIRIs{base: info.Base, dumpURL: rdf.DumpURL(info)}
	lang := info.Language
	g := &rdf.Graph{}
	a := g.A

	catalog := rdf.IRI(iris.catalog())
	dataset := rdf.IRI(iris.dataset())
	title := rdf.Text(rdf.DatasetTitle(info), lang)
	desc := rdf.Text(rdf.DatasetDescription(info), lang)
	license := rdf.IRI(rdf.LicenseIRI(rdf.DatasetLicense(info)))

	a(catalog, rdf.DCAT.Catalog)
	// DCAT-AP 3 recommended: the catalogue's home page (the site, at
	// the base), its theme taxonomy, and the dataset's theme in it.
	home := rdf.IRI(info.Base)
	a(home, rdf.FOAF.Document)
	g.Add(catalog, rdf.FOAF.Homepage, home)
	themes := rdf.IRI(EUDataTheme)
	g.Add(catalog, rdf.DCAT.ThemeTaxonomy, themes)
	theme := rdf.IRI(EUDataTheme + "/GOVE")
	concept(g, theme, "Government and public sector", EUDataTheme, "Data theme")
	g.Add(catalog, rdf.DCTerms.Title, title)
	g.Add(catalog, rdf.DCTerms.Description, desc)
	g.Add(catalog, rdf.DCAT.DatasetProp, dataset)
	g.Add(catalog, rdf.DCTerms.License, license)
	a(license, rdf.DCTerms.LicenseDocument)

	if name, iri := publisher(ds, iris); name != "" {
		p := rdf.IRI(iri)
		a(p, rdf.FOAF.Agent)
		g.Add(p, rdf.FOAF.Name, rdf.Text(name, lang))
		g.Add(catalog, rdf.DCTerms.Publisher, p)
		g.Add(dataset, rdf.DCTerms.Publisher, p)
		if t, label := publisherType(ds); t != "" {
			pt := rdf.IRI(ADMSPublisherType + t)
			concept(g, pt, label, ADMSPublisherType[:len(ADMSPublisherType)-1], "Publisher type")
			g.Add(p, rdf.DCTerms.Type, pt)
		}
	}

	a(dataset, rdf.DCAT.Dataset)
	a(dataset, rdf.VOID.Dataset)
	g.Add(dataset, rdf.DCAT.Theme, theme)
	g.Add(dataset, rdf.DCTerms.Title, title)
	g.Add(dataset, rdf.DCTerms.Description, desc)
	for _, l := range datasetLanguages(ds) {
		li := rdf.IRI(rdf.EULanguage + l)
		a(li, rdf.DCTerms.LinguisticSystem)
		g.Add(catalog, rdf.DCTerms.Language, li)
		g.Add(dataset, rdf.DCTerms.Language, li)
	}
	for _, c := range datasetCountries(ds) {
		ci := rdf.IRI(rdf.EUCountry + c)
		a(ci, rdf.DCTerms.Location)
		g.Add(dataset, rdf.DCTerms.Spatial, ci)
		g.Add(catalog, rdf.DCTerms.Spatial, ci)
	}
	if start, end, ok := temporalCoverage(ds); ok {
		t := rdf.IRI(iris.part("temporal"))
		a(t, rdf.DCTerms.PeriodOfTime)
		g.Add(dataset, rdf.DCTerms.Temporal, t)
		if !start.IsZero() {
			g.Add(t, rdf.DCAT.StartDate, rdf.DateLiteral(start))
		}
		if !end.IsZero() {
			g.Add(t, rdf.DCAT.EndDate, rdf.DateLiteral(end))
		}
	}
	for _, k := range info.Keywords {
		g.Add(dataset, rdf.DCAT.Keyword, rdf.Text(k, lang))
	}
	if info.Contact != "" {
		c := rdf.IRI(iris.part("contact"))
		a(c, rdf.VCard.Kind)
		g.Add(c, rdf.VCard.HasEmail, rdf.IRI("mailto:"+rdf.EscapeIRI(info.Contact)))
		if name, _ := publisher(ds, iris); name != "" {
			g.Add(c, rdf.VCard.FN, rdf.Text(name, lang))
		}
		g.Add(dataset, rdf.DCAT.ContactPoint, c)
	}
	for _, d := range []struct {
		pred *rdf.Term
		date model.Date
	}{{rdf.DCTerms.Issued, info.Issued}, {rdf.DCTerms.Modified, info.Modified}} {
		if !d.date.IsZero() {
			g.Add(catalog, d.pred, rdf.DateLiteral(d.date))
			g.Add(dataset, d.pred, rdf.DateLiteral(d.date))
		}
	}

	// VoID.
	var classes []*rdf.Term
	for _, t := range rdf.Terms() {
		if stats.ClassCount(t) > 0 {
			classes = append(classes, t)
		}
	}
	g.Add(dataset, rdf.VOID.Triples, rdf.Integer(stats.Triples))
	g.Add(dataset, rdf.VOID.Entities, rdf.Integer(stats.Entities))
	g.Add(dataset, rdf.VOID.Classes, rdf.Integer(len(classes)))
	g.Add(dataset, rdf.VOID.URISpace, rdf.String(info.Base))
	for _, ns := range stats.Vocabularies() {
		g.Add(dataset, rdf.VOID.Vocabulary, rdf.IRI(ns))
	}
	if ex := exampleResource(ds); ex != "" {
		g.Add(dataset, rdf.VOID.ExampleResource, rdf.IRI(ex))
	}
	for _, c := range classes {
		part := rdf.IRI(iris.part("class-" + c.Prefix() + "-" + c.Local()))
		a(part, rdf.VOID.Dataset)
		g.Add(dataset, rdf.VOID.ClassPartition, part)
		g.Add(part, rdf.VOID.Class, c)
		g.Add(part, rdf.VOID.Entities, rdf.Integer(stats.ClassCount(c)))
	}

	// One distribution per file, each available as long as the dataset
	// is published (DCAT-AP's planned availability: stable).
	stable := rdf.IRI(EUPlannedAvailability + "STABLE")
	concept(g, stable, "stable", EUPlannedAvailability[:len(EUPlannedAvailability)-1], "Planned availability")
	sorted := slices.Clone(files)
	slices.SortFunc(sorted, func(a, b Distribution) int { return strings.Compare(a.Path, b.Path) })
	for _, f := range sorted {
		dist := rdf.IRI(iris.part("distribution-" + fileFragment(f.Path)))
		url := rdf.IRI(iris.dumpURL + f.Path)
		a(dist, rdf.DCAT.Distribution)
		g.Add(dataset, rdf.DCAT.DistributionProp, dist)
		g.Add(dist, rdf.DCTerms.Title, rdf.String(f.Path))
		g.Add(dist, rdf.DCTerms.Description, rdf.Text(f.Description, "en"))
		g.Add(dist, rdf.DCAT.AccessURL, url)
		g.Add(dist, rdf.DCAT.DownloadURL, url)
		mt := rdf.IRI(rdf.IANAMedia + f.MediaType)
		a(mt, rdf.DCTerms.MediaType)
		g.Add(dist, rdf.DCAT.MediaType, mt)
		ft := rdf.IRI(rdf.EUFileType + f.FileType)
		a(ft, rdf.DCTerms.MediaTypeOrExtent)
		g.Add(dist, rdf.DCTerms.Format, ft)
		g.Add(dist, rdf.DCAT.ByteSize, rdf.Typed(strconv.FormatInt(f.Size, 10), rdf.XSD.NonNegativeInteger))
		sum := rdf.IRI(iris.part("checksum-" + fileFragment(f.Path)))
		a(sum, rdf.SPDX.Checksum)
		g.Add(sum, rdf.SPDX.Algorithm, rdf.SPDX.ChecksumAlgorithmSHA256)
		g.Add(sum, rdf.SPDX.ChecksumValue, rdf.Typed(strings.ToLower(f.SHA256), rdf.XSD.HexBinary))
		g.Add(dist, rdf.SPDX.ChecksumProp, sum)
		g.Add(dist, rdf.DCTerms.License, license)
		g.Add(dist, rdf.DCATAP.Availability, stable)
		if f.CompressFormat != "" {
			cf := rdf.IRI(rdf.IANAMedia + f.CompressFormat)
			a(cf, rdf.DCTerms.MediaType)
			g.Add(dist, rdf.DCAT.CompressFormat, cf)
		}
		for _, std := range f.ConformsTo {
			s := rdf.IRI(std)
			a(s, rdf.DCTerms.Standard)
			g.Add(dist, rdf.DCTerms.ConformsTo, s)
		}
		if f.RDF {
			g.Add(dataset, rdf.VOID.DataDump, url)
		}
	}
	return g
}

// More EU Vocabularies and ADMS tables the catalogue points into.
const (
	EUDataTheme           = "http://publications.europa.eu/resource/authority/data-theme"
	EUPlannedAvailability = "http://publications.europa.eu/resource/authority/planned-availability/"
	ADMSPublisherType     = "http://purl.org/adms/publishertype/"
)

// publisherType is the ADMS publisher type of the dataset's publisher
// when it is a record: a region is a regional authority, a municipality
// a local authority, any other organisation (a network, an association
// of authorities) a non-profit organisation.
func publisherType(ds *model.Dataset) (code, label string) {
	switch r := ds.Lookup(ds.Info.Publisher).(type) {
	case *model.Region:
		return "RegionalAuthority", "Regional authority"
	case *model.Organization:
		if r.Type == "municipality" {
			return "LocalAuthority", "Local authority"
		}
		return "NonProfitOrganisation", "Non-profit organisation"
	}
	return "", ""
}

// concept types an entry of a controlled vocabulary as DCAT-AP asks, so
// that its shapes pass without the vocabulary itself: a skos:Concept with
// an English label, in its scheme, itself typed and titled.
func concept(g *rdf.Graph, c rdf.IRI, label, scheme, title string) {
	s := rdf.IRI(scheme)
	g.A(s, rdf.SKOS.ConceptScheme)
	g.Add(s, rdf.DCTerms.Title, rdf.Text(title, "en"))
	g.Add(s, rdf.SKOS.PrefLabel, rdf.Text(title, "en"))
	g.A(c, rdf.SKOS.Concept)
	g.Add(c, rdf.SKOS.InScheme, s)
	g.Add(c, rdf.SKOS.PrefLabel, rdf.Text(label, "en"))
}

// exampleResource is the IRI VoID gives as an example of the dataset's
// records: the publisher's record, else the first record.
func exampleResource(ds *model.Dataset) string {
	if ds.Lookup(ds.Info.Publisher) != nil {
		return rdf.RecordIRI(ds.Info.Base, ds.Info.Publisher)
	}
	if len(ds.Records) > 0 {
		return rdf.RecordIRI(ds.Info.Base, ds.Records[0].Base().ID)
	}
	return ""
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
		return r.Base().Name.Best(ds.Info.Language), rdf.RecordIRI(iris.base, p)
	}
	return p, iris.part("publisher")
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
