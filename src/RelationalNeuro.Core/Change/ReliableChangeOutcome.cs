namespace RelationalNeuro.Change;

/// <summary>Whether a change is reliable (|RCI| above the critical value) and whether it went the better way.</summary>
public enum ReliableChangeOutcome
{
    /// <summary>|RCI| does not exceed the critical value: the change is within measurement error.</summary>
    NoReliableChange = 0,

    /// <summary>Reliable change in the better direction.</summary>
    ReliableImprovement = 1,

    /// <summary>Reliable change in the worse direction.</summary>
    ReliableDeterioration = 2,
}
