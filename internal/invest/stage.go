package invest

import (
	"fmt"
	"slices"
)

// Stage is where a project stands: 线索 → 洽谈 → 签约 → 注册 → 开工 →
// 投产/建成, or 终止.
type Stage string

// The stages, in order.
const (
	StageLead       Stage = "线索"
	StageTalks      Stage = "洽谈"
	StageSigned     Stage = "签约"
	StageRegistered Stage = "注册"
	StageStarted    Stage = "开工"
	StageProducing  Stage = "投产"
	StageBuilt      Stage = "建成"
	StageTerminated Stage = "终止"
)

// Stages lists the stages in order; 投产 and 建成 are alternative ends.
var Stages = []Stage{StageLead, StageTalks, StageSigned, StageRegistered, StageStarted, StageProducing, StageBuilt, StageTerminated}

func (s Stage) rank() int {
	switch s {
	case StageBuilt:
		return 5 // the same step as 投产
	case StageTerminated:
		return 99
	}
	return slices.Index(Stages, s)
}

// Valid reports whether s is one of Stages.
func (s Stage) Valid() bool { return slices.Contains(Stages, s) }

// CheckStageChange returns an error unless a project may move from one
// stage to the next: forward only (a step may be skipped, as when a
// contract is signed without recorded talks), and to 终止 from any stage
// but 终止. A terminated project moves no more.
func CheckStageChange(from, to Stage) error {
	if !to.Valid() || (from != "" && !from.Valid()) {
		return fmt.Errorf("invest: unknown stage %q → %q", from, to)
	}
	if from == StageTerminated {
		return fmt.Errorf("invest: a terminated project cannot move to %s", to)
	}
	if to == StageTerminated {
		return nil
	}
	if from != "" && to.rank() <= from.rank() {
		return fmt.Errorf("invest: a project moves forward only: %s → %s", from, to)
	}
	return nil
}

// StageOf returns the stage p's dates imply as of day d: 终止 when
// terminated, else the furthest of 投产, 开工, 签约 reached, else 线索.
func StageOf(p *Project, d Day) Stage {
	switch {
	case p.Terminated != 0 && p.Terminated <= d:
		return StageTerminated
	case p.ActualProd != 0 && p.ActualProd <= d:
		return StageProducing
	case p.ActualStart != 0 && p.ActualStart <= d:
		return StageStarted
	case p.Signed != 0 && p.Signed <= d:
		return StageSigned
	}
	return StageLead
}
