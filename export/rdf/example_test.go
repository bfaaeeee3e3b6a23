package rdf_test

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/civicnet/civicnet/export/jsonld"
	"github.com/civicnet/civicnet/export/ntriples"
	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/model"
)

// twoOrganizations builds a record set in code: a network and its board,
// an organisational unit of it.
func twoOrganizations() *model.Dataset {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/", Language: "en"})
	ds.Add(
		&model.Organization{Common: model.Common{ID: "efus",
			Name: model.Text{{Value: "European Forum for Urban Security"}, {Lang: "fr", Value: "Forum européen pour la sécurité urbaine"}}},
			Type: "network", Country: "FR"},
		&model.Organization{Common: model.Common{ID: "efus-board", Name: model.Plain("Executive Committee")},
			Type: "committee", UnitOf: "efus"},
	)
	return ds
}

// The mapping streams subjects in order, each with its sorted triples;
// here it counts triples and classes, as the catalogue's VoID part does.
func ExampleMapper_EachNode() {
	m, err := rdf.NewMapper(twoOrganizations())
	if err != nil {
		fmt.Println(err)
		return
	}
	triples, subjects, orgs := 0, 0, 0
	err = m.EachNode(func(n *rdf.Node) error {
		subjects++
		triples += len(n.Triples())
		for _, t := range n.Triples() {
			if t.Predicate() != rdf.RDF.Type {
				break // rdf:type comes first
			}
			if t.ObjectTerm() == rdf.ORG.Organization {
				orgs++
			}
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(subjects, "subjects,", triples, "triples,", orgs, "org:Organization")
	// Output: 5 subjects, 28 triples, 2 org:Organization
}

// One Render feeds several formats from one pass of the mapping, and
// returns the VoID statistics of what it wrote.
func ExampleMapper_Render() {
	m, err := rdf.NewMapper(twoOrganizations())
	if err != nil {
		fmt.Println(err)
		return
	}
	var ntBuf, jlBuf bytes.Buffer
	nt := ntriples.NewWriter(&ntBuf)
	jl := jsonld.NewWriter(&jlBuf)
	stats, err := m.Render(nt, jl)
	if err == nil {
		err = errors.Join(nt.Close(), jl.Close())
	}
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(stats.Triples, "triples,", stats.ClassCount(rdf.ORG.OrganizationalUnit), "unit,",
		bytes.Count(ntBuf.Bytes(), []byte("\n")), "N-Triples lines,", jlBuf.Len() > 0)
	// Output: 28 triples, 1 unit, 28 N-Triples lines, true
}
