#include "payload_values.h"

namespace hookbench {

PayloadValues::~PayloadValues() = default;

} // namespace hookbench
