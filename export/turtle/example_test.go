package turtle_test

import (
	"fmt"
	"os"

	"github.com/civicnet/civicnet/export/rdf"
	"github.com/civicnet/civicnet/export/turtle"
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

func ExampleNewWriter() {
	w := turtle.NewWriter(os.Stdout)
	if err := w.Write(twoOrganizations()); err != nil {
		fmt.Println(err)
	}
	if err := w.Close(); err != nil { // flushes: always call it
		fmt.Println(err)
	}
	// Output:
	// @prefix civic: <https://w3id.org/civicnet/ns#> .
	// @prefix csvw: <http://www.w3.org/ns/csvw#> .
	// @prefix dcat: <http://www.w3.org/ns/dcat#> .
	// @prefix dcatap: <http://data.europa.eu/r5r/> .
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
	//     schema:name "European Forum for Urban Security", "Forum européen pour la sécurité urbaine"@fr ;
	//     skos:prefLabel "European Forum for Urban Security", "Forum européen pour la sécurité urbaine"@fr ;
	//     org:classification orgtype:network ;
	//     org:hasSubOrganization id:efus-board ;
	//     org:hasUnit id:efus-board .
	//
	// id:efus-board a schema:Organization, org:Organization, org:OrganizationalUnit ;
	//     schema:name "Executive Committee" ;
	//     skos:prefLabel "Executive Committee" ;
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

// WriteGraph writes small graphs with blank nodes: here a SHACL shape,
// with a blank node written inline and an RDF list.
func ExampleWriteGraph() {
	g := &rdf.Graph{}
	shape := rdf.IRI("https://data.example.org/shapes#Membership")
	prop := g.Blank()
	g.A(shape, rdf.SH.NodeShape)
	g.Add(shape, rdf.SH.TargetClass, rdf.ORG.Membership)
	g.Add(shape, rdf.SH.Property, prop)
	g.Add(prop, rdf.SH.Path, rdf.ORG.Member)
	g.Add(prop, rdf.SH.MinCount, rdf.Integer(1))
	g.Add(prop, rdf.SH.In, g.List(rdf.String("a"), rdf.String("b")))
	if err := turtle.WriteGraph(os.Stdout, g); err != nil {
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
