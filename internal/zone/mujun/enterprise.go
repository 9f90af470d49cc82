// Package mujun grades the enterprises of development zones by 亩均效益
// (output per mu of land): eligibility, the indicators 亩均税收, 亩均增加值,
// 单位能耗增加值, 单位排放增加值 and R&D share scored against standard
// values, classes A–D by score with quotas applied after ranking,
// overrides, and roll-ups per zone that a zone method can use as
// indicators. It is pure: tables in, results out; the scheme is TOML.
package mujun

import "math"

// Enterprise is one enterprise's figures for one year. Money is in 万元,
// land in 亩, energy in tonnes of standard coal (tce), emissions in the
// unit the scheme's standard uses. A figure that was not reported is NaN.
type Enterprise struct {
	USCC      string // 统一社会信用代码, validated
	Name      string
	Zone      string // the development zone
	SubPark   string // 园区 within the zone, may be ""
	Industry  string // GB/T 4754 code, e.g. C3311 or 33
	County    string // the division hosting the enterprise, may be ""
	AboveSize bool   // 规模以上
	Year      int    // the year of the figures; 0 when the table has none

	LandOwned     float64 // 亩 held with land-use rights
	LandLeasedIn  float64 // 亩 leased from others (counts to the user)
	LandLeasedOut float64 // 亩 leased to others (counts to them)

	StartYear  int     // the year production started
	Output     float64 // 工业总产值 or 营业收入
	ValueAdded float64 // 增加值
	Tax        float64 // tax actually paid, net of refunds (may be negative)
	Energy     float64 // tce
	Emissions  float64
	RD         float64 // R&D spending
	Employees  float64
	Accident   bool // a major safety or environmental accident in the year
}

// Land is the land the enterprise uses: owned + leased in − leased out
// (leased land counts to its user). A missing part counts as 0 unless all
// three are missing, which gives NaN.
func (e *Enterprise) Land() float64 {
	if math.IsNaN(e.LandOwned) && math.IsNaN(e.LandLeasedIn) && math.IsNaN(e.LandLeasedOut) {
		return math.NaN()
	}
	return zeroNaN(e.LandOwned) + zeroNaN(e.LandLeasedIn) - zeroNaN(e.LandLeasedOut)
}

func zeroNaN(v float64) float64 {
	if math.IsNaN(v) {
		return 0
	}
	return v
}
