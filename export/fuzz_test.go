package export_test

import (
	"testing"

	knakk "github.com/knakk/rdf"
	"github.com/stretchr/testify/require"

	"github.com/civicnet/civicnet/model"
)

// fuzzDataset puts arbitrary strings where records carry free text, URLs
// and ids: names, alternative names, descriptions, topics, types, roles,
// identifiers, addresses, sources, funding and quantities.
func fuzzDataset(name, description, url, id string) *model.Dataset {
	if id == "" {
		id = "x"
	}
	ds := model.NewDataset(model.DatasetInfo{Base: "https://fuzz.example.org/net/", Language: "en"})
	source := &model.Source{Title: name, URL: url, Publisher: name, License: url}
	ds.Add(
		&model.Organization{Common: model.Common{
			ID:          id,
			Name:        model.Text{{Value: name}, {Lang: "it", Value: description}},
			AltNames:    []model.Text{model.Plain(name), model.Plain(description), {{Lang: "sr-Latn-RS", Value: name}}},
			Description: model.Plain(description),
			Identifiers: []model.Identifier{{Scheme: name, Value: description}, {Scheme: "wikidata", Value: name}},
			Website:     url,
			Email:       description,
			Topics:      []string{name, description},
			Sources:     []*model.Source{source},
		}, Type: name, UnitOf: id + "-parent", Place: id + "-place", Country: "IT"},
		&model.Organization{Common: model.Common{ID: id + "-parent", Name: model.Plain(url)}, Type: description},
		&model.Place{Common: model.Common{ID: id + "-place", Name: model.Text{{Lang: "de", Value: name}}},
			Type: "city", ContainedIn: id + "-region", Address: description, Country: "IT"},
		&model.Region{Organization: model.Organization{Common: model.Common{ID: id + "-region", Name: model.Plain(name)}},
			Population: model.Quantity{Value: "12", Unit: description}, AreaKm2: model.Quantity{Value: "1.5"}},
		&model.Project{Common: model.Common{ID: id + "-project", Name: model.Plain(description)},
			Acronym: name, Type: url,
			Funding:      []*model.Funding{{Funder: id, Programme: name, Year: 2009, Share: description, Amount: model.Quantity{Value: "100", Unit: "EUR"}}},
			Quantities:   []*model.NamedQuantity{{Name: name, Quantity: model.Quantity{Value: "-0.25", Unit: url}}, {Name: description, Quantity: model.Quantity{Value: "7"}}},
			Participants: []*model.Membership{{Member: id, Role: model.ParseRole(name)}}},
		&model.Event{Common: model.Common{ID: id + "-event", Name: model.Plain(name)},
			Type: description, Place: id + "-place", ParticipantGroups: []string{name, description},
			Participants: []*model.Participation{{Agent: id, Role: model.ParseRole(description)}}},
	)
	return ds
}

// FuzzWriters feeds arbitrary names, descriptions, URLs and ids into a
// dataset and checks that what the writers write parses back, with
// parsers other than ours, to the graph the mapping made.
func FuzzWriters(f *testing.F) {
	f.Add("Regione Toscana", "A region.\nSecond line, \"quoted\", \\ back.", "http://www.e.toscana.it", "regione-toscana")
	f.Add("", "", "", "")
	f.Add("\x00\x01\x7f\u2028\uFFFE", `"""`, "https://x.example/a b<c>{d}|^`\\", "ID with spaces/#?")
	f.Add("é\xff", "\r\n\t'", "HTTP://[::1]/%zz%41", "-")
	f.Add("a.", "ends with a quote\"", "https://example.org/path#frag", "id.")
	f.Add("@en", "-1.50", "mailto:someone@example.org", "%41")
	f.Fuzz(func(t *testing.T, name, description, url, id string) {
		ds := fuzzDataset(name, description, url, id)
		want := mappedGraph(t, ds)
		docs := writeAll(t, ds)
		got, err := decodeGraph(t, docs["nt"], knakk.NTriples)
		require.NoError(t, err, "N-Triples:\n%s", docs["nt"])
		assertSameGraph(t, want, got, "N-Triples")
		got, err = decodeGraph(t, docs["ttl"], knakk.Turtle)
		require.NoError(t, err, "Turtle:\n%s", docs["ttl"])
		assertSameGraph(t, want, got, "Turtle")
		got, err = jsonldGraph(t, docs["jsonld"])
		require.NoError(t, err, "JSON-LD:\n%s", docs["jsonld"])
		assertSameGraph(t, want, got, "JSON-LD")
	})
}
