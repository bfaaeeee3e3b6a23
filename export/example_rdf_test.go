package export_test

import (
	"fmt"
	"os"

	"github.com/knakk/rdf"

	"github.com/civicnet/civicnet/export"
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

func ExampleNewTurtleWriter() {
	w := export.NewTurtleWriter(os.Stdout)
	if err := w.Write(twoOrganizations()); err != nil {
		fmt.Println(err)
	}
	if err := w.Close(); err != nil { // flushes: always call it
		fmt.Println(err)
	}
	// Output:
	// @prefix civic: <https://w3id.org/civicnet/ns#> .
	// @prefix dcat: <http://www.w3.org/ns/dcat#> .
	// @prefix dcterms: <http://purl.org/dc/terms/> .
	// @prefix foaf: <http://xmlns.com/foaf/0.1/> .
	// @prefix org: <http://www.w3.org/ns/org#> .
	// @prefix owl: <http://www.w3.org/2002/07/owl#> .
	// @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
	// @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
	// @prefix schema: <http://schema.org/> .
	// @prefix sh: <http://www.w3.org/ns/shacl#> .
	// @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
	// @prefix spdx: <http://spdx.org/rdf/terms#> .
	// @prefix time: <http://www.w3.org/2006/time#> .
	// @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
	// @prefix void: <http://rdfs.org/ns/void#> .
	// @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
	// @prefix eventtype: <https://data.example.org/net/event-types/> .
	// @prefix id: <https://data.example.org/net/id/> .
	// @prefix orgtype: <https://data.example.org/net/organization-types/> .
	// @prefix projecttype: <https://data.example.org/net/project-types/> .
	// @prefix role: <https://data.example.org/net/roles/> .
	// @prefix topic: <https://data.example.org/net/topics/> .
	//
	// id:efus a schema:Organization, org:FormalOrganization, org:Organization ;
	//     dcterms:spatial <http://publications.europa.eu/resource/authority/country/FRA> ;
	//     schema:name "European Forum for Urban Security"@en, "Forum européen pour la sécurité urbaine"@fr ;
	//     skos:prefLabel "European Forum for Urban Security"@en, "Forum européen pour la sécurité urbaine"@fr ;
	//     org:classification orgtype:network ;
	//     org:hasSubOrganization id:efus-board ;
	//     org:hasUnit id:efus-board .
	//
	// id:efus-board a schema:Organization, org:Organization, org:OrganizationalUnit ;
	//     schema:name "Executive Committee"@en ;
	//     skos:prefLabel "Executive Committee"@en ;
	//     org:classification orgtype:committee ;
	//     org:subOrganizationOf id:efus ;
	//     org:unitOf id:efus .
	//
	// <https://data.example.org/net/organization-types> a skos:ConceptScheme ;
	//     dcterms:title "Organization types"@en ;
	//     skos:prefLabel "Organization types"@en .
	//
	// orgtype:committee a skos:Concept ;
	//     skos:inScheme <https://data.example.org/net/organization-types> ;
	//     skos:prefLabel "committee"@en .
	//
	// orgtype:network a skos:Concept ;
	//     skos:inScheme <https://data.example.org/net/organization-types> ;
	//     skos:prefLabel "network"@en .
}

func ExampleNewNTriplesWriter() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	ds.Add(&model.Place{Common: model.Common{ID: "florence", Name: model.Text{{Lang: "it", Value: "Firenze"}}}, Type: "city"})
	w := export.NewNTriplesWriter(os.Stdout)
	if err := w.Write(ds); err != nil {
		fmt.Println(err)
	}
	if err := w.Close(); err != nil { // flushes: always call it
		fmt.Println(err)
	}
	// Output:
	// <https://data.example.org/net/id/florence> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/City> .
	// <https://data.example.org/net/id/florence> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://schema.org/Place> .
	// <https://data.example.org/net/id/florence> <http://schema.org/name> "Firenze"@it .
	// <https://data.example.org/net/id/florence> <http://www.w3.org/2004/02/skos/core#prefLabel> "Firenze"@it .
}

func ExampleNewJSONLDWriter() {
	ds := model.NewDataset(model.DatasetInfo{Base: "https://data.example.org/net/"})
	ds.Add(&model.Place{Common: model.Common{ID: "florence", Name: model.Text{{Lang: "it", Value: "Firenze"}, {Lang: "en", Value: "Florence"}}}, Type: "city"})
	w := export.NewJSONLDWriter(os.Stdout)
	if err := w.Write(ds); err != nil {
		fmt.Println(err)
	}
	if err := w.Close(); err != nil { // ends the document: always call it
		fmt.Println(err)
	}
	// Output:
	// {
	//   "@context": "context.jsonld",
	//   "@graph": [
	//     {
	//       "id": "https://data.example.org/net/id/florence",
	//       "type": ["schema:City", "schema:Place"],
	//       "name": {"en": "Florence", "it": "Firenze"},
	//       "prefLabel": {"en": "Florence", "it": "Firenze"}
	//     }
	//   ]
	// }
}

// The mapping streams subjects in order, each with its sorted triples;
// here it counts triples and classes, as the catalogue's VoID part does.
func ExampleMapper_EachSubject() {
	m, err := export.NewMapper(twoOrganizations())
	if err != nil {
		fmt.Println(err)
		return
	}
	triples, subjects := 0, 0
	classes := map[string]int{}
	err = m.EachSubject(func(s rdf.Subject, ts []rdf.Triple) error {
		subjects++
		triples += len(ts)
		for _, t := range ts {
			if t.Pred.String() != export.NSRDF+"type" {
				break // rdf:type comes first
			}
			classes[t.Obj.String()]++
		}
		return nil
	})
	if err != nil {
		fmt.Println(err)
	}
	fmt.Println(subjects, "subjects,", triples, "triples,", classes["http://www.w3.org/ns/org#Organization"], "org:Organization")
	// Output: 5 subjects, 28 triples, 2 org:Organization
}

// WriteTurtleGraph writes any triples: here a SHACL shape, with a blank
// node written inline and an RDF list.
func ExampleWriteTurtleGraph() {
	iri := func(s string) rdf.IRI { i, _ := rdf.NewIRI(s); return i }
	blank := func(s string) rdf.Blank { b, _ := rdf.NewBlank(s); return b }
	shape, prop, list1, list2 := iri("https://data.example.org/shapes#Membership"), blank("p"), blank("l1"), blank("l2")
	sh := func(local string) rdf.IRI { return iri(export.NSSHACL + local) }
	err := export.WriteTurtleGraph(os.Stdout, []rdf.Triple{
		{Subj: shape, Pred: iri(export.NSRDF + "type"), Obj: sh("NodeShape")},
		{Subj: shape, Pred: sh("targetClass"), Obj: iri(export.NSORG + "Membership")},
		{Subj: shape, Pred: sh("property"), Obj: prop},
		{Subj: prop, Pred: sh("path"), Obj: iri(export.NSORG + "member")},
		{Subj: prop, Pred: sh("minCount"), Obj: rdf.NewTypedLiteral("1", iri(export.NSXSD+"integer"))},
		{Subj: prop, Pred: sh("in"), Obj: list1},
		{Subj: list1, Pred: iri(export.NSRDF + "first"), Obj: rdf.NewTypedLiteral("a", iri(export.NSXSD+"string"))},
		{Subj: list1, Pred: iri(export.NSRDF + "rest"), Obj: list2},
		{Subj: list2, Pred: iri(export.NSRDF + "first"), Obj: rdf.NewTypedLiteral("b", iri(export.NSXSD+"string"))},
		{Subj: list2, Pred: iri(export.NSRDF + "rest"), Obj: iri(export.NSRDF + "nil")},
	})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// @prefix org: <http://www.w3.org/ns/org#> .
	// @prefix sh: <http://www.w3.org/ns/shacl#> .
	//
	// <https://data.example.org/shapes#Membership> a sh:NodeShape ;
	//     sh:property [
	//         sh:in ( "a" "b" ) ;
	//         sh:minCount 1 ;
	//         sh:path org:member
	//     ] ;
	//     sh:targetClass org:Membership .
}
