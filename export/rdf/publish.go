package rdf

import (
	"strings"

	"github.com/civicnet/civicnet/model"
)

// The dataset-level IRIs and texts that the catalogue, the CSVW metadata
// and the site share, so that they cannot disagree.

// DefaultLicense is the licence of a dataset whose civicnet.yaml names
// none (SPEC 2.8).
const DefaultLicense = "CC-BY-4.0"

// EU Vocabularies authority tables (DCAT-AP 3 controlled vocabularies)
// and the other registers the dump points into.
const (
	EULanguage = "http://publications.europa.eu/resource/authority/language/"
	EUCountry  = "http://publications.europa.eu/resource/authority/country/"
	EUFileType = "http://publications.europa.eu/resource/authority/file-type/"
	EULicence  = "http://publications.europa.eu/resource/authority/licence/"
	IANAMedia  = "https://www.iana.org/assignments/media-types/"
	SPDXList   = "http://spdx.org/licenses/"
)

// DatasetLicense returns the dataset's licence as written, or
// DefaultLicense.
func DatasetLicense(info model.DatasetInfo) string {
	if info.License != "" {
		return info.License
	}
	return DefaultLicense
}

// DatasetTitle returns the dataset's title, or a generic one.
func DatasetTitle(info model.DatasetInfo) string {
	if info.Title != "" {
		return info.Title
	}
	return "civicnet records"
}

// DatasetDescription returns the dataset's description, or a generic
// one.
func DatasetDescription(info model.DatasetInfo) string {
	if info.Description != "" {
		return info.Description
	}
	return "Records of networks of local and regional authorities, their members, projects and events, exported by civicnet."
}

// DumpURL returns where the dump is published, ending with "/": the
// dataset's dump_url, else {base}dump/.
func DumpURL(info model.DatasetInfo) string {
	u := info.DumpURL
	if u == "" {
		u = info.Base + "dump/"
	}
	if !strings.HasSuffix(u, "/") {
		u += "/"
	}
	return EscapeIRI(u)
}

// LicenseIRI is the IRI of a licence written as an SPDX id or a URL.
// DCAT-AP 3 recommends the EU Vocabularies licence authority table, so a
// licence it lists gets its IRI there (CC-BY-4.0 → …/licence/CC_BY_4_0);
// another SPDX id gets its SPDX licence list IRI; a URL is kept.
func LicenseIRI(l string) string {
	if strings.Contains(l, ":") {
		return l
	}
	if code := euLicenceCode(l); code != "" {
		return EULicence + code
	}
	return SPDXList + l
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

// CountryIRI returns the EU country authority IRI of an ISO 3166-1
// alpha-2 code, or "" for an unknown code.
func CountryIRI(code string) string {
	if a3 := model.CountryAlpha3(code); a3 != "" {
		return EUCountry + a3
	}
	return ""
}

// ConceptSlug is the slug a type written as text names its concept by,
// as the mapping makes it: the type when it is a slug, else its
// slugified form, else a hash of it.
func ConceptSlug(t string) string {
	if t == "" || model.IsSlug(t) {
		return t
	}
	if s := model.Slugify(t); s != "" {
		return s
	}
	return "c-" + shortHash(t)
}

// RoleSlug is the slug of a role's concept (see ConceptSlug).
func RoleSlug(r model.Role) string {
	if r.Slug == "" && r.Label == "" {
		return ""
	}
	if model.IsSlug(r.Slug) {
		return r.Slug
	}
	text := r.Slug
	if r.Label != "" {
		text = r.Label
	}
	return ConceptSlug(text)
}

// EscapeIRI percent-encodes what may not appear in an IRI (RFC 3987):
// spaces, controls, <>"{}|\^`, a % that starts no escape, bytes of
// invalid UTF-8 and code points outside ucschar.
func EscapeIRI(s string) string { return escapeIRI(s) }
