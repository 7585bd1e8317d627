package orders

import "testing"

func TestNew(t *testing.T) {
	if New(2).Total != 2 {
		t.Fail()
	}
}
