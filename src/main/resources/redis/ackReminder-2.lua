--[[
  ackReminder: a claimed reminder was delivered; forget its lease, if the lease is still ours.

  KEYS[1]  leased, cb:{due:<n>}:leased, sorted set: member <userId>:<id>, score lease end millis
  KEYS[2]  dues,   cb:{due:<n>}:dues,   hash: member -> due epoch millis, while leased
  ARGV[1]  the member, <userId>:<id>
  ARGV[2]  the claim's lease end, epoch millis: its token. A reclaim always sets a later end, so
           a late acknowledgement from the first claimer leaves the new lease alone.

  Returns
    1   acknowledged
    0   the lease is no longer this claim's (reclaimed, cancelled or released): nothing changed
]]
local score = redis.call('ZSCORE', KEYS[1], ARGV[1])
if score and tonumber(score) == tonumber(ARGV[2]) then
  redis.call('ZREM', KEYS[1], ARGV[1])
  redis.call('HDEL', KEYS[2], ARGV[1])
  return 1
end
return 0
