package invest

import (
	"cmp"
	"errors"
	"slices"
)

// Settlement is the province's decision on a duplicate (重复报送): the
// project Kept is counted once, at Location; the place that also reported
// it, Referrer, gets referrer credit (引荐) instead. Duplicate is the
// other report's 项目编号, which leaves the ledger (its funds rows too);
// when the same 项目编号 was reported by two places, Duplicate equals Kept
// and only the location is settled.
type Settlement struct {
	Kept, Duplicate    string
	Location, Referrer string
	Reason             string
}

// SameID reports whether s settles one 项目编号 reported by two places.
func (s Settlement) SameID() bool { return s.Kept == s.Duplicate }

// The reasons a settlement is refused.
var (
	ErrSettleIncomplete = errors.New("a settlement needs the kept and the duplicate 项目编号, the location, the referrer and a reason")
	ErrSettleReferrer   = errors.New("the referrer must be another county than the location")
	ErrSettleLocation   = errors.New("the kept project must be located in the settled location (or, for one 项目编号, the location must be one of the two places)")
	ErrSettleIncrease   = errors.New("a capital increase is settled with its original project")
)

// Check checks s against the current versions of the kept and the
// duplicate projects (dup is ignored when SameID) and, for one 项目编号,
// the county of the version that was replaced (previous, "" when none).
// Two projects: the kept one must lie in Location and the duplicate in
// Referrer. One 项目编号: Location and Referrer are its two places, the
// current and the replaced one, either way round.
func (s Settlement) Check(kept, dup *Project, previous string) error {
	if s.Kept == "" || s.Duplicate == "" || s.Location == "" || s.Referrer == "" || s.Reason == "" {
		return ErrSettleIncomplete
	}
	if s.Location == s.Referrer {
		return ErrSettleReferrer
	}
	if kept.IsIncrease() || (!s.SameID() && dup.IsIncrease()) {
		return ErrSettleIncrease
	}
	if s.SameID() {
		places := []string{kept.County, previous}
		if !slices.Contains(places, s.Location) || !slices.Contains(places, s.Referrer) {
			return ErrSettleLocation
		}
		return nil
	}
	if kept.County != s.Location || dup.County != s.Referrer {
		return ErrSettleLocation
	}
	return nil
}

// LedgerDuplicates returns the possible duplicates within one ledger's
// current projects: each pair of original projects in different counties
// with the same investor code and similar names (FindDuplicates' rule),
// once, Incoming being the larger 项目编号; ordered by Existing, Incoming.
func LedgerDuplicates(ps []Project) []Duplicate {
	var out []Duplicate
	for _, d := range FindDuplicates(ps, ps) {
		if d.Incoming > d.Existing {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b Duplicate) int {
		return cmp.Or(cmp.Compare(a.Existing, b.Existing), cmp.Compare(a.Incoming, b.Incoming))
	})
	return out
}
