package vocab_test

import (
	"fmt"
	"strings"

	"github.com/civicnet/civicnet/export/vocab"
)

func ExampleWrite() {
	var buf strings.Builder
	if err := vocab.Write(&buf); err != nil {
		fmt.Println(err)
		return
	}
	// The definition of civic:agent, whose values are of three classes.
	_, agent, _ := strings.Cut(buf.String(), "\ncivic:agent ")
	agent, _, _ = strings.Cut(agent, "\n\n")
	fmt.Println("civic:agent " + agent)
	// Output:
	// civic:agent a owl:ObjectProperty ;
	//     rdfs:comment "The organisation, region, person or project that takes part."@en ;
	//     rdfs:domain civic:Participation ;
	//     rdfs:isDefinedBy <https://w3id.org/civicnet/ns> ;
	//     rdfs:label "agent"@en ;
	//     rdfs:range [
	//         a owl:Class ;
	//         owl:unionOf ( org:Organization foaf:Person civic:Project )
	//     ] .
}
