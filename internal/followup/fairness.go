package followup

import (
	"slices"

	"github.com/qiangxian/qiangxian/internal/invest"
)

// IncentiveKind is what an incentive promised to an investor gives.
type IncentiveKind string

// The kinds of incentive, by what the 《公平竞争审查条例》 says of them.
const (
	IncentiveTax     IncentiveKind = "tax"     // 税收优惠（减免、返还、奖励）
	IncentiveSubsidy IncentiveKind = "subsidy" // 财政奖励或补贴
	IncentiveFactor  IncentiveKind = "factor"  // 要素获取优惠（地价、电价、水价、气价）
	IncentiveFee     IncentiveKind = "fee"     // 行政事业性收费、政府性基金、社会保险费优惠
	IncentiveService IncentiveKind = "service" // 代办、配套等服务，不影响生产经营成本
	IncentiveOther   IncentiveKind = "other"   // 其他
)

// IncentiveKinds lists the kinds in the order forms show them.
var IncentiveKinds = []IncentiveKind{IncentiveTax, IncentiveSubsidy, IncentiveFactor, IncentiveFee, IncentiveService, IncentiveOther}

// Valid reports whether k is one of IncentiveKinds.
func (k IncentiveKind) Valid() bool { return slices.Contains(IncentiveKinds, k) }

// FairCompetitionInForce is the day the 《公平竞争审查条例》 (国务院令第
// 783号) came into force.
const FairCompetitionInForce invest.Day = 20240801

// Incentive is one item of a project's incentive ledger (what was
// promised to the investor).
type Incentive struct {
	Kind IncentiveKind
	// Specific: given to this named investor (特定经营者), not to every
	// firm that meets a published condition.
	Specific bool
	// Selective: a subsidy whose amount or condition is chosen for this
	// investor (选择性、差异化), not a published uniform standard.
	Selective bool
	// Basis: the law, administrative regulation or State Council approval
	// it rests on (法律、行政法规依据或国务院批准), "" when none.
	Basis   string
	Granted invest.Day // the day it was promised
}

// Flag is what the fair-competition review says of an incentive.
type Flag string

// The flags. An incentive that the regulation's article 10 forbids is
// FlagProhibited when promised since it came into force, FlagLegacy when
// promised before (to be cleaned up, 存量清理); one that names a legal
// basis is FlagReview: the basis must be checked, not assumed.
const (
	FlagNone       Flag = ""
	FlagProhibited Flag = "prohibited" // 违反《公平竞争审查条例》第十条
	FlagLegacy     Flag = "legacy"     // 条例施行前的存量政策，应清理
	FlagReview     Flag = "review"     // 写明依据，需核实
)

// Article returns the item of article 10 that forbids i, "" when none:
// (一) tax breaks for a named firm, (二) selective or differentiated
// subsidies for a named firm, (三) discounts for a named firm on factors,
// fees, government funds or social-insurance contributions.
func (i Incentive) Article() string {
	if !i.Specific {
		return ""
	}
	switch i.Kind {
	case IncentiveTax:
		return "第十条第（一）项"
	case IncentiveSubsidy:
		if i.Selective {
			return "第十条第（二）项"
		}
	case IncentiveFactor, IncentiveFee:
		return "第十条第（三）项"
	}
	return ""
}

// Review flags i under the 《公平竞争审查条例》.
func (i Incentive) Review() Flag {
	switch {
	case i.Article() == "":
		return FlagNone
	case i.Basis != "":
		return FlagReview
	case i.Granted != 0 && i.Granted < FairCompetitionInForce:
		return FlagLegacy
	}
	return FlagProhibited
}
