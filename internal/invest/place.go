package invest

import "fmt"

// Level is the kind of place metrics are computed for.
type Level string

// The levels.
const (
	LevelProvince   Level = "province"
	LevelPrefecture Level = "prefecture"
	LevelCounty     Level = "county"
	LevelZone       Level = "zone"
)

// ParseLevel returns the level named s.
func ParseLevel(s string) (Level, error) {
	switch l := Level(s); l {
	case LevelProvince, LevelPrefecture, LevelCounty, LevelZone:
		return l, nil
	}
	return "", fmt.Errorf("invest: unknown level %q", s)
}

// CountyScope says what "outside" means for a county (rule 1).
type CountyScope string

// The county scopes: outside the county's prefecture (市州域外, the
// default), or outside the county itself.
const (
	ScopePrefecture CountyScope = "prefecture"
	ScopeCounty     CountyScope = "county"
)

// Province is the code of the province the ledger belongs to (Gansu); a
// division code starting with its first two digits is inside it.
const Province = "620000"

// PrefectureOf returns the prefecture of a 6-digit division code: its
// first four digits and "00" (620622 → 620600).
func PrefectureOf(code string) string {
	if len(code) < 4 {
		return code
	}
	return code[:4] + "00"
}

// Origin is where the investor who paid stands relative to the county the
// project is located in. Every level's rule 1 is a function of it, so that
// facts grouped by (county, zone, origin) can be folded into any level.
type Origin uint8

// The origins, nearest first.
const (
	OriginUnknown    Origin = iota // no 投资方所在地: never outside
	OriginCounty                   // the project's own county
	OriginPrefecture               // elsewhere in the county's prefecture (县际, 市州域内)
	OriginProvince                 // elsewhere in the province (省内市州域外)
	OriginDomestic                 // elsewhere in China (省外)
	OriginAbroad                   // 境外: a 2-letter code (foreign countries and 港澳台)
	numOrigins
)

// Classify returns where loc (a 6-digit division code or a 2-letter code)
// stands relative to county.
func Classify(county, loc string) Origin {
	switch {
	case len(loc) == 2:
		return OriginAbroad
	case len(loc) != 6:
		return OriginUnknown
	case loc[:2] != Province[:2]:
		return OriginDomestic
	case loc[:4] != county[:min(4, len(county))]:
		return OriginProvince
	case loc != county:
		return OriginPrefecture
	}
	return OriginCounty
}

// Outside reports whether an investor of origin o is an outside investor
// for a place of level l (rule 1): for the province outside Gansu or
// abroad; for a prefecture outside it; for a county (and a zone, which
// takes its county's rule) outside the county's prefecture, or with
// ScopeCounty outside the county itself.
func Outside(l Level, scope CountyScope, o Origin) bool {
	switch l {
	case LevelProvince:
		return o == OriginDomestic || o == OriginAbroad
	case LevelPrefecture:
		return o >= OriginProvince
	}
	if scope == ScopeCounty {
		return o >= OriginPrefecture
	}
	return o >= OriginProvince
}

// PlaceOf returns the unit of level l a project located in county (and
// zone) belongs to, or "" when it belongs to none (no zone).
func PlaceOf(l Level, county, zone string) string {
	switch l {
	case LevelProvince:
		return Province
	case LevelPrefecture:
		return PrefectureOf(county)
	case LevelZone:
		return zone
	}
	return county
}
