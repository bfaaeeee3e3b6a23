package export

import (
	"strings"

	"github.com/civicnet/civicnet/model"
)

// defaultLicense is the licence of a dataset whose civicnet.yaml names
// none (SPEC 2.8).
const defaultLicense = "CC-BY-4.0"

// Licence lists.
const (
	euLicence = "http://publications.europa.eu/resource/authority/licence/"
	spdxList  = "http://spdx.org/licenses/"
)

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
