--[[
  cancelReminders: remove reminders of one user, whether pending or leased.

  KEYS[1]  pending, cb:{due:<n>}:pending, sorted set: member <userId>:<id>, score due epoch millis
  KEYS[2]  leased,  cb:{due:<n>}:leased,  sorted set: member <userId>:<id>, score lease end millis
  KEYS[3]  dues,    cb:{due:<n>}:dues,    hash: member -> due epoch millis, while leased
  ARGV     the members, <userId>:<id>, at least one and at most 1000 (Lua's unpack limit)

  A delivery in flight is not stopped, but its acknowledgement then finds no lease and does nothing.

  Returns
    the number of entries removed (a reminder both pending and leased, being rescheduled
    while in flight, counts twice)
]]
local removed = redis.call('ZREM', KEYS[1], unpack(ARGV))
removed = removed + redis.call('ZREM', KEYS[2], unpack(ARGV))
redis.call('HDEL', KEYS[3], unpack(ARGV))
return removed
