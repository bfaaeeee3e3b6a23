package site

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/vocab"
	"github.com/civicnet/civicnet/model"
)

// indexListLength is how many records of a kind the index lists before
// linking to the page of them all.
const indexListLength = 50

// writeOverview writes what comes after the documents: the index, the
// lists per kind, the concept schemes, the dataset page, the search
// index and the static files.
func (w *writer) writeOverview() error {
	byKind := w.recordsByKind()
	if err := w.writeIndex(byKind); err != nil {
		return err
	}
	for _, k := range model.Kinds {
		if len(byKind[k]) == 0 {
			continue
		}
		p := &page{Root: "../../", Heading: text(kindPlurals[k]), Kind: "List"}
		p.Title = kindPlurals[k]
		s := section{ID: "records", Heading: strconv.Itoa(len(byKind[k])) + " " + strings.ToLower(kindPlurals[k])}
		for _, i := range byKind[k] {
			s.Items = append(s.Items, fact{w.ref(p, w.ds.Records[i].Base().ID)})
		}
		p.Sections = append(p.Sections, s)
		if err := w.writePage(listDir+"/"+k.String(), p); err != nil {
			return err
		}
	}
	for _, s := range rdf.Schemes() {
		if d := w.schemes[s.Path()]; d != nil {
			if err := w.writeScheme(s, d); err != nil {
				return err
			}
		}
	}
	if err := w.writeDataset(byKind); err != nil {
		return err
	}
	if err := w.writeVocabulary(); err != nil {
		return err
	}
	if err := w.writeSearchIndex(byKind); err != nil {
		return err
	}
	for _, f := range []struct{ from, to string }{
		{"files/style.css", assetsDir + "/style.css"},
		{"files/search.js", assetsDir + "/search.js"},
		{"files/htaccess", htaccess},
		{"files/nginx.conf", nginxConf},
	} {
		data, err := files.ReadFile(f.from)
		if err != nil {
			return err
		}
		if err := w.create(f.to, data); err != nil {
			return err
		}
	}
	return nil
}

// recordsByKind lists the records of each kind by name, then id.
func (w *writer) recordsByKind() map[model.Kind][]int32 {
	byKind := map[model.Kind][]int32{}
	names := make([]string, len(w.ds.Records))
	for i, r := range w.ds.Records {
		byKind[r.Kind()] = append(byKind[r.Kind()], int32(i))
		names[i] = strings.ToLower(w.recordName(r).Text)
	}
	for _, l := range byKind {
		slices.SortFunc(l, func(a, b int32) int {
			return cmp.Or(strings.Compare(names[a], names[b]),
				strings.Compare(w.ds.Records[a].Base().ID, w.ds.Records[b].Base().ID))
		})
	}
	return byKind
}

func (w *writer) writeIndex(byKind map[model.Kind][]int32) error {
	info := w.ds.Info
	p := &page{Root: "./", Heading: text(rdf.DatasetTitle(info)), Search: true}
	p.Title = p.Heading.Text
	if d := rdf.DatasetDescription(info); d != "" {
		p.Description = []seg{{Text: d, Lang: info.Language}}
	}
	p.Facts = append(p.Facts, fact{text(strconv.Itoa(len(w.ds.Records)) + " records, " +
		strconv.Itoa(w.triples) + " triples: see "), {Text: "the dataset", Href: "dataset/"}, text(" for the downloads.")})
	p.Timeline = w.timeline(p)
	for _, k := range model.Kinds {
		l := byKind[k]
		if len(l) == 0 {
			continue
		}
		s := section{ID: k.String(), Heading: kindPlurals[k] + " (" + strconv.Itoa(len(l)) + ")"}
		for _, i := range l[:min(len(l), indexListLength)] {
			s.Items = append(s.Items, fact{w.ref(p, w.ds.Records[i].Base().ID)})
		}
		if len(l) > indexListLength {
			s.More = &seg{Text: "All " + strconv.Itoa(len(l)) + " " + strings.ToLower(kindPlurals[k]), Href: listDir + "/" + k.String() + "/"}
		} else {
			s.More = &seg{Text: "The list of " + strings.ToLower(kindPlurals[k]), Href: listDir + "/" + k.String() + "/"}
		}
		p.Sections = append(p.Sections, s)
	}
	s := section{ID: "concept-schemes", Heading: "Concept schemes"}
	for _, sc := range rdf.Schemes() {
		if w.schemes[sc.Path()] != nil {
			s.Items = append(s.Items, fact{{Text: sc.Title(), Href: sc.Path() + "/"},
				text(" (" + strconv.Itoa(len(w.concepts[sc.Path()])) + " concepts)")})
		}
	}
	if len(s.Items) > 0 {
		p.Sections = append(p.Sections, s)
	}
	return w.writePage("", p)
}

func (w *writer) writeScheme(s rdf.Scheme, d *doc) error {
	p := &page{Root: "../", IRI: d.iri, Kind: "Concept scheme", Heading: w.labelSeg(d.labels, s.Title())}
	p.Title = p.Heading.Text + " (concept scheme)"
	p.Alternates = []alternate{
		{"text/turtle", "../" + d.path + ".ttl", "Turtle"},
		{"application/n-triples", "../" + d.path + ".nt", "N-Triples"},
		{"application/ld+json", "../" + d.path + ".jsonld", "JSON-LD"},
	}
	p.JSONLD = w.script(d.jsonld)
	sec := section{ID: "concepts", Heading: "Concepts"}
	for _, c := range w.concepts[s.Path()] {
		l := w.labelSeg(c.labels, c.path)
		l.Href = "../" + c.path + "/"
		sec.Items = append(sec.Items, fact{l, text(" (" + strconv.Itoa(len(w.rel.uses[c.iri])) + " records)")})
	}
	p.Sections = append(p.Sections, sec)
	return w.writePage(d.path, p)
}

func (w *writer) writeDataset(byKind map[model.Kind][]int32) error {
	info := w.ds.Info
	p := &page{Root: "../", Kind: "Dataset", IRI: w.base + datasetDir, Heading: text(rdf.DatasetTitle(info))}
	p.Title = p.Heading.Text + " (dataset)"
	if d := rdf.DatasetDescription(info); d != "" {
		p.Description = []seg{{Text: d, Lang: info.Language}}
	}
	add := func(f ...seg) { p.Facts = append(p.Facts, f) }
	if info.Publisher != "" {
		if w.ds.Lookup(info.Publisher) != nil {
			add(text("Published by "), w.ref(p, info.Publisher))
		} else {
			add(text("Published by " + info.Publisher))
		}
	}
	if l := rdf.DatasetLicense(info); l != "" {
		add(text("Licence: "), seg{Text: l, Href: licenseURL(l), External: true})
	}
	if info.Language != "" {
		add(text("Language: " + info.Language))
	}
	if d := dateWords(info.Issued); d != "" {
		add(text("Issued " + d))
	}
	if d := dateWords(info.Modified); d != "" {
		add(text("Modified " + d))
	}
	if info.Contact != "" {
		add(text("Contact: "), seg{Text: info.Contact, Href: "mailto:" + info.Contact, External: true})
	}
	if len(info.Keywords) > 0 {
		add(text("Keywords: " + strings.Join(info.Keywords, ", ")))
	}
	add(text("The base of its IRIs: "), text(w.base))
	add(text(strconv.Itoa(w.triples) + " triples about " + strconv.Itoa(w.subjects) + " subjects"))
	counts := section{ID: "counts", Heading: "Records per kind"}
	for _, k := range model.Kinds {
		if n := len(byKind[k]); n > 0 {
			counts.Items = append(counts.Items, fact{{Text: kindPlurals[k], Href: "../" + listDir + "/" + k.String() + "/"}, text(": " + strconv.Itoa(n))})
		}
	}
	p.Sections = append(p.Sections, counts)
	if len(w.opts.Files) > 0 {
		t := &table{Head: []string{"File", "Media type", "Description", "Bytes", "SHA-256"}}
		for _, f := range w.opts.Files {
			t.Rows = append(t.Rows, []seg{{Text: f.Path, Href: "../" + f.Path}, text(f.MediaType), text(f.Description),
				text(strconv.FormatInt(f.Size, 10)), text(f.SHA256)})
		}
		p.Table = t
	}
	return w.writePage(datasetDir, p)
}

// writeSearchIndex writes search.json, what the index's search reads:
// [name, kind, path] for every named record, in the order of the lists.
func (w *writer) writeSearchIndex(byKind map[model.Kind][]int32) error {
	var entries [][3]string
	for _, k := range model.Kinds {
		if k == model.KindMembership || k == model.KindParticipation {
			continue
		}
		for _, i := range byKind[k] {
			r := w.ds.Records[i]
			entries = append(entries, [3]string{w.recordName(r).Text, kindNames[k], recordsPath + "/" + r.Base().ID + "/"})
		}
	}
	b, err := json.Marshal(entries)
	if err != nil {
		return err
	}
	return w.create(searchFile, append(b, '\n'))
}

// writeVocabulary writes the page of the civic: vocabulary: every term
// with its label, comment, domain and range, from the table
// vocabulary.ttl is written from; it links the Turtle of the dump.
func (w *writer) writeVocabulary() error {
	p := &page{Root: "../", Kind: "Vocabulary", IRI: string(rdf.CivicOntology),
		Heading: text("The civic: vocabulary")}
	p.Title = "The civic: vocabulary"
	p.Description = []seg{{Text: "The terms civicnet defines for what no standard vocabulary covers, in " +
		rdf.NSCivic + ". The same definitions as RDF: vocabulary.ttl in the dump.", Lang: "en"}}
	for _, f := range w.opts.Files {
		if f.Path == vocab.File {
			p.Facts = append(p.Facts, fact{text("As Turtle: "), {Text: vocab.File, Href: "../" + vocab.File}})
		}
	}
	terms := func(ts []*rdf.Term) string {
		var names []string
		for _, t := range ts {
			names = append(names, t.String())
		}
		return strings.Join(names, " or ")
	}
	classes := section{ID: "classes", Heading: "Classes"}
	props := section{ID: "properties", Heading: "Properties"}
	for _, d := range vocab.Definitions() {
		f := fact{text(d.Term.String() + " — " + d.Label + ". " + d.Comment)}
		if len(d.SubClassOf) > 0 {
			f = append(f, text(" Subclass of "+terms(d.SubClassOf)+"."))
		}
		if len(d.Domain) > 0 {
			f = append(f, text(" Domain: "+terms(d.Domain)+"."))
		}
		if len(d.Range) > 0 {
			f = append(f, text(" Range: "+terms(d.Range)+"."))
		}
		if d.Class == rdf.OWL.Class {
			classes.Items = append(classes.Items, f)
		} else {
			props.Items = append(props.Items, f)
		}
	}
	p.Sections = append(p.Sections, classes, props)
	return w.writePage(vocabDir, p)
}
