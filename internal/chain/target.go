package chain

import (
	"fmt"
	"slices"
)

// Status is where a target enterprise (目标企业) stands: 识别 → 联系 → 拜访 →
// 洽谈 → 签约.
type Status string

// The statuses, in order.
const (
	StatusFound     Status = "识别"
	StatusContacted Status = "联系"
	StatusVisited   Status = "拜访"
	StatusTalks     Status = "洽谈"
	StatusSigned    Status = "签约"
)

// Statuses lists the statuses in order.
var Statuses = []Status{StatusFound, StatusContacted, StatusVisited, StatusTalks, StatusSigned}

// Valid reports whether s is one of Statuses.
func (s Status) Valid() bool { return slices.Contains(Statuses, s) }

// CheckMove returns an error unless a target may move from one status to
// the next: forward only, steps may be skipped (a firm met at a fair is
// visited before any letter), and a signed target moves no more.
func CheckMove(from, to Status) error {
	if !from.Valid() || !to.Valid() {
		return fmt.Errorf("chain: unknown status %q → %q", from, to)
	}
	if slices.Index(Statuses, to) <= slices.Index(Statuses, from) {
		return fmt.Errorf("chain: a target moves forward only: %s → %s", from, to)
	}
	return nil
}

// SizeLists are the size lists a target may be on, as imported lists (not
// fetched): 世界500强, 中国500强, 民营500强.
var SizeLists = []string{"世界500强", "中国500强", "民营500强"}
